import { errorMessage } from '../../../backend-adapter/src/protocol';
import type { ContractContext } from '../suite';
import {
  donationForm,
  donationRequest,
  membershipForm,
  membershipRequest,
  ticketsForm,
  ticketsRequest,
} from '../support/forms';
import type { HttpAnswer } from '../support/protocol-client';

/**
 * The bad input: each gets the protocol's error with a clear message, nothing is stored half-way and
 * nothing is charged (the order count of the site does not move).
 */
export function badInputScenarios(ctx: ContractContext): void {
  let form: ReturnType<typeof donationForm>;
  beforeAll(async () => {
    form = donationForm();
    await ctx.host.installForm(form);
  });

  async function refused(send: () => Promise<HttpAnswer>): Promise<HttpAnswer> {
    const before = await ctx.host.orderCount();
    const answer = await send();
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.body.error.message).toEqual(expect.any(String));
    expect(answer.body.error.message).not.toMatch(/stack|SQL|Error:/i);
    expect(await ctx.host.orderCount()).toBe(before);
    return answer;
  }

  describe('bad input', () => {
    test('malformed JSON', async () => {
      const answer = await refused(() =>
        ctx.client.createOrder(form.id, undefined, { raw: '{"kind": "donation",' }),
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error).toEqual({ code: 'bad_request', message: errorMessage('bad_request', 'fr') });
    });

    test('a body that is not an object', async () => {
      const answer = await refused(() => ctx.client.createOrder(form.id, [donationRequest()]));
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('bad_request');
    });

    test('another content type than JSON', async () => {
      const answer = await refused(() =>
        ctx.client.createOrder(form.id, undefined, {
          raw: 'amount=2500',
          contentType: 'application/x-www-form-urlencoded',
        }),
      );
      expect(answer.status).toBe(415);
      expect(answer.body.error.code).toBe('unsupported_media_type');
    });

    test('an unknown form', async () => {
      const answer = await refused(() => ctx.client.createOrder('no-such-form', donationRequest()));
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('form_not_found');
      expect((await ctx.client.getForm('no-such-form')).status).toBe(404);
    });

    test('a request for another kind of form', async () => {
      const answer = await refused(() => ctx.client.createOrder(form.id, membershipRequest()));
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('bad_request');
    });

    test('a wrong currency', async () => {
      const answer = await refused(() =>
        ctx.client.createOrder(form.id, donationRequest({ extra: { currency: 'USD' } })),
      );
      expect([400, 422]).toContain(answer.status);
    });

    test('a negative amount', async () => {
      const answer = await refused(() => ctx.client.createOrder(form.id, donationRequest({ amount: -2500 })));
      expect(answer.status).toBe(422);
      expect(answer.body.error.errors).toContainEqual(
        expect.objectContaining({ code: 'amount_too_small', field: 'donation.amount' }),
      );
      expect(answer.body.error.errors[0].message).toContain('5,00');
    });

    test('an absurd amount', async () => {
      const answer = await refused(() =>
        ctx.client.createOrder(form.id, donationRequest({ amount: 10 ** 12 })),
      );
      expect(answer.status).toBe(422);
      expect(answer.body.error.errors).toContainEqual(
        expect.objectContaining({ code: 'amount_too_large', field: 'donation.amount' }),
      );
    });

    test('an amount with decimals', async () => {
      const answer = await refused(() => ctx.client.createOrder(form.id, donationRequest({ amount: 25.5 })));
      expect(answer.status).toBe(422);
      expect(answer.body.error.errors).toContainEqual(
        expect.objectContaining({ code: 'amount_not_integer', field: 'donation.amount' }),
      );
    });

    test('a quantity above the quota', async () => {
      const tickets = ticketsForm({ quota: 3 });
      await ctx.host.installForm(tickets);
      const answer = await refused(() =>
        ctx.client.createOrder(tickets.id, ticketsRequest([{ typeId: 'plein', quantity: 4 }])),
      );
      expect(answer.status).toBe(409);
      expect(answer.body.error).toMatchObject({
        code: 'not_enough_available',
        field: 'tickets.items.0.quantity',
      });
    });

    test('a field too long', async () => {
      const request = donationRequest();
      request.payer.firstName = 'A'.repeat(101);
      const answer = await refused(() => ctx.client.createOrder(form.id, request));
      expect(answer.status).toBe(422);
      expect(answer.body.error.errors).toContainEqual({
        code: 'too_long',
        field: 'payer.firstName',
        message: 'Prénom : 100 caractères au maximum.',
      });
    });

    test('every field problem is reported at once', async () => {
      const request = membershipRequest();
      const members = request.membership.members as { firstName: string; lastName: string }[];
      (members[1] as { lastName: string }).lastName = '';
      request.payer = { ...request.payer, email: 'not-an-email' };
      const membership = membershipForm();
      await ctx.host.installForm(membership);
      const answer = await refused(() => ctx.client.createOrder(membership.id, request));
      expect(answer.status).toBe(422);
      const fields = answer.body.error.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['payer.email', 'membership.members.1.lastName']));
    });

    test('a total the payer was not shown: the new total is told, nothing is created', async () => {
      const tickets = ticketsForm();
      await ctx.host.installForm(tickets);
      const answer = await refused(() =>
        ctx.client.createOrder(
          tickets.id,
          ticketsRequest([{ typeId: 'plein', quantity: 2 }], { expectedTotal: 100 }),
        ),
      );
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe('amount_mismatch');
      expect(answer.body.error.message).toContain('30,00');
    });

    test('a client-side total is not trusted: an unknown property is refused', async () => {
      const answer = await refused(() =>
        ctx.client.createOrder(form.id, donationRequest({ extra: { total: 1 } })),
      );
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('bad_request');
    });

    test('a body beyond the size limit', async () => {
      const request = donationRequest();
      const huge = JSON.stringify({ ...request, payer: { ...request.payer, company: 'x'.repeat(300_000) } });
      const answer = await refused(() => ctx.client.createOrder(form.id, undefined, { raw: huge }));
      expect(answer.status).toBe(413);
      expect(answer.body.error.code).toBe('payload_too_large');
    });

    test('a known path with another method', async () => {
      const answer = await ctx.client.call('DELETE', `/forms/${form.id}`);
      expect(answer.status).toBe(405);
      expect(answer.body.error.code).toBe('method_not_allowed');
    });
  });
}
