import type { ContractContext } from '../suite';
import { CARDS, ticketsForm, ticketsRequest } from '../support/forms';

export function ticketScenarios(ctx: ContractContext): void {
  const seatsLeft = async (formId: string) =>
    (await ctx.client.getForm(formId)).body.tickets.types[0].available;

  describe('tickets are never oversold', () => {
    test('sold out: the last seats go, the next buyer is told, the form says sold out', async () => {
      const form = ticketsForm({ quota: 3 });
      form.tickets.types = form.tickets.types.slice(0, 1);
      await ctx.host.installForm(form);
      expect(
        (await ctx.client.createOrder(form.id, ticketsRequest([{ typeId: 'plein', quantity: 3 }]))).status,
      ).toBe(201);
      const before = await ctx.host.orderCount();
      const late = await ctx.client.createOrder(form.id, ticketsRequest([{ typeId: 'plein', quantity: 1 }]));
      expect(late.status).toBe(409);
      expect(late.body.error).toMatchObject({ code: 'sold_out', field: 'tickets.items.0.quantity' });
      expect(late.body.error.errors[0]).toMatchObject({
        code: 'sold_out',
        field: 'tickets.items.0.quantity',
      });
      expect(await ctx.host.orderCount()).toBe(before);
      const definition = await ctx.client.getForm(form.id);
      expect(definition.body.status).toBe('sold_out');
      expect(definition.body.tickets.types[0].available).toBe(0);
    });

    test('more than what is left: told how many seats remain', async () => {
      const form = ticketsForm({ quota: 4 });
      await ctx.host.installForm(form);
      await ctx.client.createOrder(form.id, ticketsRequest([{ typeId: 'plein', quantity: 3 }]));
      const tooMany = await ctx.client.createOrder(
        form.id,
        ticketsRequest([{ typeId: 'plein', quantity: 2 }]),
      );
      expect(tooMany.status).toBe(409);
      expect(tooMany.body.error).toMatchObject({
        code: 'not_enough_available',
        field: 'tickets.items.0.quantity',
      });
      expect(tooMany.body.error.message).toContain('1');
    });

    test('a rush of 25 buyers for 5 seats sells exactly 5', async () => {
      const form = ticketsForm({ quota: 5 });
      await ctx.host.installForm(form);
      const answers = await Promise.all(
        Array.from({ length: 25 }, () =>
          ctx.client.createOrder(form.id, ticketsRequest([{ typeId: 'plein', quantity: 1 }])),
        ),
      );
      expect(answers.filter((a) => a.status === 201)).toHaveLength(5);
      expect(answers.filter((a) => a.status === 409)).toHaveLength(20);
      expect(await seatsLeft(form.id)).toBe(0);
    });

    test('a rush of 20 buyers for a promo code limited to 5 uses: 5 get the discount, 15 are told it is used up', async () => {
      const form = ticketsForm({ quota: 50 });
      form.tickets.promoCodes = [
        {
          code: 'JARDIN',
          discount: { type: 'percent', percentBps: 2000 },
          ticketTypes: ['plein'],
          maxUses: 5,
        },
      ];
      await ctx.host.installForm(form);
      const answers = await Promise.all(
        Array.from({ length: 20 }, () =>
          ctx.client.createOrder(
            form.id,
            ticketsRequest([{ typeId: 'plein', quantity: 1 }], { promoCode: 'jardin', locale: 'en' }),
          ),
        ),
      );
      const created = answers.filter((a) => a.status === 201);
      expect(created.map((a) => a.body.order.total)).toEqual([1200, 1200, 1200, 1200, 1200]);
      const refused = answers.filter((a) => a.status !== 201);
      expect(refused).toHaveLength(15);
      for (const answer of refused) {
        expect(answer.status).toBe(422);
        expect(answer.body.error.errors).toEqual([
          {
            code: 'promo_code_exhausted',
            field: 'tickets.promoCode',
            message: expect.stringContaining('this promo code has been used up'),
          },
        ]);
      }
    });

    test('a declined card puts the seats back on sale', async () => {
      const form = ticketsForm({ quota: 2 });
      await ctx.host.installForm(form);
      const created = await ctx.client.createOrder(
        form.id,
        ticketsRequest([{ typeId: 'plein', quantity: 2 }]),
      );
      expect(await seatsLeft(form.id)).toBe(0);
      const { next } = created.body;
      await ctx.client.confirm(next.confirmUrl, { clientSecret: next.clientSecret, card: CARDS.declined });
      expect(await seatsLeft(form.id)).toBe(2);
    });

    test('a hold that runs out expires the order and frees its seats', async () => {
      if (!ctx.host.advanceClock || !ctx.host.runJobs) return;
      const form = ticketsForm({ quota: 2 });
      await ctx.host.installForm(form);
      const created = await ctx.client.createOrder(
        form.id,
        ticketsRequest([{ typeId: 'plein', quantity: 2 }]),
      );
      await ctx.host.advanceClock(31 * 60_000);
      await ctx.host.runJobs();
      expect(await seatsLeft(form.id)).toBe(2);
      const read = await ctx.client.getOrder(created.body.order.id, created.body.token);
      expect(read.body.status).toBe('expired');
      const { next } = created.body;
      const tooLate = await ctx.client.confirm(next.confirmUrl, {
        clientSecret: next.clientSecret,
        card: CARDS.success,
      });
      expect(tooLate.status).toBe(409);
      expect(tooLate.body.error.code).toBe('illegal_transition');
    });
  });
}
