import type { ContractContext } from '../suite';
import {
  donationForm,
  donationRequest,
  membershipForm,
  membershipRequest,
  ticketsForm,
  ticketsRequest,
} from '../support/forms';

export function createOrderScenarios(ctx: ContractContext): void {
  describe('forms and orders of each kind', () => {
    test('a form definition is public, resolved in the payer’s language, and keeps secrets and promo codes out', async () => {
      const form = ticketsForm();
      await ctx.host.installForm(form);
      const { status, body, headers } = await ctx.client.getForm(form.id, { locale: 'en' });
      expect(status).toBe(200);
      expect(body).toMatchObject({
        protocol: 1,
        id: form.id,
        kind: 'tickets',
        locale: 'en',
        title: 'Concert',
        status: 'open',
      });
      expect(body.tickets.types).toEqual([
        expect.objectContaining({ id: 'plein', name: 'Full price', available: 50 }),
        expect.objectContaining({ id: 'reduit', available: null }),
      ]);
      expect(body.tickets.hasPromoCodes).toBe(true);
      const providers = body.paymentMethods.map((m: { provider: string }) => m.provider);
      expect(providers).toEqual(expect.arrayContaining(['simulation', 'stripe', 'offline']));
      const text = JSON.stringify(body);
      expect(text).not.toContain('JARDIN');
      expect(text).not.toContain('sk_test');
      expect(text).not.toContain('whsec_');
      expect(headers.get('cache-control')).toMatch(/no-cache|max-age=\d/);
    });

    test('a donation is priced by the server and answers what to do next, with a status token', async () => {
      const form = donationForm();
      await ctx.host.installForm(form);
      const created = await ctx.client.createOrder(form.id, donationRequest({ amount: 2500 }));
      expect(created.status).toBe(201);
      expect(created.headers.get('cache-control')).toBe('no-store');
      const { order, token, next } = created.body;
      expect(order).toMatchObject({
        formId: form.id,
        kind: 'donation',
        status: 'pending',
        currency: 'EUR',
        total: 2500,
      });
      expect(order.lines[0]).toMatchObject({ kind: 'donation', amount: 2500, taxEligibleAmount: 2500 });
      expect(token.length).toBeGreaterThanOrEqual(16);
      expect(next).toMatchObject({ type: 'confirm', provider: 'simulation' });
      expect(next.confirmUrl).toMatch(/^https?:\/\/.+\/simulation\/.+\/confirm$/);
      const read = await ctx.client.getOrder(order.id, token);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: order.id, status: 'pending', total: 2500, next });
    });

    test('an order is only readable with its token', async () => {
      const form = donationForm();
      await ctx.host.installForm(form);
      const { body } = await ctx.client.createOrder(form.id, donationRequest());
      const wrong = await ctx.client.getOrder(body.order.id, 'x'.repeat(32));
      expect(wrong.status).toBe(404);
      expect(wrong.body.error.code).toBe('invalid_token');
      const unknown = await ctx.client.getOrder('ord_unknown', body.token);
      expect(unknown.status).toBe(404);
      expect(['order_not_found', 'invalid_token']).toContain(unknown.body.error.code);
    });

    test('a family membership with an extra donation: one household price plus the gift', async () => {
      const form = membershipForm();
      await ctx.host.installForm(form);
      const created = await ctx.client.createOrder(form.id, membershipRequest());
      expect(created.status).toBe(201);
      expect(created.body.order.total).toBe(4000);
      expect(created.body.order.lines.map((l: { kind: string }) => l.kind)).toEqual([
        'membership',
        'extra_donation',
      ]);
    });

    test('tickets with a promo code: the discount applies to its ticket type only', async () => {
      const form = ticketsForm();
      await ctx.host.installForm(form);
      const request = ticketsRequest(
        [
          { typeId: 'plein', quantity: 2 },
          { typeId: 'reduit', quantity: 1 },
        ],
        { promoCode: 'jardin' },
      );
      const created = await ctx.client.createOrder(form.id, request);
      expect(created.status).toBe(201);
      expect(created.body.order.total).toBe(3000 - 600 + 1000);
      expect(created.body.order.expiresAt).not.toBeNull();
    });

    test('an offline payment answers the instructions and a reference; the order waits for the treasurer', async () => {
      const form = membershipForm();
      await ctx.host.installForm(form);
      const created = await ctx.client.createOrder(
        form.id,
        membershipRequest({ payment: { provider: 'offline', offlineMethod: 'cheque' } }),
      );
      expect(created.status).toBe(201);
      expect(created.body.next).toMatchObject({ type: 'offline', method: 'cheque' });
      expect(created.body.next.instructions.reference).toEqual(expect.any(String));
      expect(created.body.order).toMatchObject({ status: 'pending', expiresAt: null });
      const read = await ctx.client.getOrder(created.body.order.id, created.body.token);
      expect(read.body.next).toEqual(created.body.next);
    });

    test('a zero total calls no provider: the order is paid at once and its tickets issued', async () => {
      const form = ticketsForm();
      form.tickets.types.push({ id: 'invite', name: 'Invitation', price: 0, quota: 10 });
      await ctx.host.installForm(form);
      const created = await ctx.client.createOrder(
        form.id,
        ticketsRequest([{ typeId: 'invite', quantity: 2 }]),
      );
      expect(created.status).toBe(201);
      expect(created.body.next).toEqual({ type: 'completed' });
      expect(created.body.order.status).toBe('paid');
      expect(created.body.order.tickets).toHaveLength(2);
    });
  });
}
