import { signSimulationEvent } from '../../../backend-adapter/src/providers';
import type { ContractContext } from '../suite';
import { CARDS, donationForm, donationRequest } from '../support/forms';

type EventType = 'payment_succeeded' | 'payment_failed' | 'payment_expired' | 'refunded' | 'disputed';

export function webhookScenarios(ctx: ContractContext): void {
  async function order() {
    const form = donationForm();
    await ctx.host.installForm(form);
    const created = await ctx.client.createOrder(form.id, donationRequest());
    return created.body as {
      order: { id: string };
      token: string;
      next: { clientSecret: string; confirmUrl: string };
    };
  }

  /** Posts a simulation event signed with `secret` at `at` (the host's tolerance is 300 s). */
  function send(
    orderId: string,
    type: EventType,
    opts: { id?: string; amount?: number; secret?: string; at?: Date } = {},
  ) {
    const at = opts.at ?? new Date();
    const event = {
      id: opts.id ?? `evt_${type}_${orderId}`,
      type,
      orderId,
      createdAt: at.toISOString(),
      ...(opts.amount === undefined ? {} : { amount: opts.amount }),
    };
    const signed = signSimulationEvent(opts.secret ?? ctx.simulationSecret, event, at);
    return ctx.client.webhook('simulation', signed.body, signed.headers);
  }

  const read = async (o: { order: { id: string }; token: string }) =>
    (await ctx.client.getOrder(o.order.id, o.token)).body;

  describe('webhooks: verified, applied once, in any order', () => {
    test('an event is applied once; its replay is acknowledged as a duplicate', async () => {
      const o = await order();
      const first = await send(o.order.id, 'payment_succeeded');
      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        received: true,
        eventId: `evt_payment_succeeded_${o.order.id}`,
        duplicate: false,
      });
      const replay = await send(o.order.id, 'payment_succeeded');
      expect(replay.status).toBe(200);
      expect(replay.body.duplicate).toBe(true);
      expect((await read(o)).status).toBe('paid');
    });

    test('out of order: a refund before the payment changes nothing; a late failure never undoes a payment', async () => {
      const o = await order();
      expect((await send(o.order.id, 'refunded', { amount: 2500 })).status).toBe(200);
      expect((await read(o)).status).toBe('pending');
      await send(o.order.id, 'payment_succeeded');
      const late = await send(o.order.id, 'payment_failed', { id: `evt_late_${o.order.id}` });
      expect(late.status).toBe(200);
      expect((await read(o)).status).toBe('paid');
    });

    test('refunds count their running total once: partial, then full', async () => {
      const o = await order();
      await ctx.client.confirm(o.next.confirmUrl, { clientSecret: o.next.clientSecret, card: CARDS.success });
      await send(o.order.id, 'refunded', { id: `evt_r1_${o.order.id}`, amount: 1000 });
      await send(o.order.id, 'refunded', { id: `evt_r1bis_${o.order.id}`, amount: 1000 });
      expect(await read(o)).toMatchObject({ status: 'paid', refundedAmount: 1000 });
      await send(o.order.id, 'refunded', { id: `evt_r2_${o.order.id}`, amount: 2500 });
      expect(await read(o)).toMatchObject({ status: 'refunded', refundedAmount: 2500 });
    });

    test('a forged event (wrong secret or stale signature) is refused and nothing changes', async () => {
      const o = await order();
      const forged = await send(o.order.id, 'payment_succeeded', {
        secret: 'not-the-simulation-secret-at-all',
      });
      expect(forged.status).toBe(400);
      expect(forged.body.error.code).toBe('webhook_signature_invalid');
      const stale = await send(o.order.id, 'payment_succeeded', { at: new Date(Date.now() - 10 * 60_000) });
      expect(stale.status).toBe(400);
      expect(stale.body.error.code).toBe('webhook_signature_invalid');
      expect((await read(o)).status).toBe('pending');
    });

    test('a genuine event about an order the host does not know is acknowledged', async () => {
      const answer = await send('ord_not_ours', 'payment_succeeded');
      expect(answer.status).toBe(200);
      expect(answer.body.received).toBe(true);
    });

    test('an unknown provider is a bad request', async () => {
      const answer = await ctx.client.webhook('paypal', '{}', {});
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('bad_request');
    });
  });
}
