import type { ContractContext } from '../suite';
import { CARDS, donationForm, donationRequest, ticketsForm, ticketsRequest } from '../support/forms';

export function simulationScenarios(ctx: ContractContext): void {
  /** Creates an order paid through the simulation and answers it with its confirm details. */
  async function pending(kind: 'donation' | 'tickets' = 'donation') {
    const form = kind === 'donation' ? donationForm() : ticketsForm();
    await ctx.host.installForm(form);
    const request =
      kind === 'donation' ? donationRequest() : ticketsRequest([{ typeId: 'plein', quantity: 2 }]);
    const created = await ctx.client.createOrder(form.id, request);
    expect(created.status).toBe(201);
    const { order, token, next } = created.body;
    return { form, order, token, next, confirm: (body: object) => ctx.client.confirm(next.confirmUrl, body) };
  }

  describe('paying through the simulation', () => {
    test('an accepted card pays the order; tickets are issued with their check-in codes', async () => {
      const { order, token, next, confirm } = await pending('tickets');
      const paid = await confirm({ clientSecret: next.clientSecret, card: CARDS.success });
      expect(paid.status).toBe(200);
      expect(paid.body.outcome).toBe('succeeded');
      expect(paid.body.order.status).toBe('paid');
      const read = await ctx.client.getOrder(order.id, token);
      expect(read.body.status).toBe('paid');
      expect(read.body.paidAt).not.toBeNull();
      expect(read.body.tickets).toHaveLength(2);
      expect(new Set(read.body.tickets.map((t: { code: string }) => t.code)).size).toBe(2);
    });

    test('a declined card fails the order with a message; another card then pays it', async () => {
      const { order, token, next, confirm } = await pending();
      const declined = await confirm({ clientSecret: next.clientSecret, card: CARDS.declined });
      expect(declined.status).toBe(200);
      expect(declined.body.outcome).toBe('declined');
      expect(declined.body.order.status).toBe('failed');
      expect(declined.body.order.failure).toEqual({
        code: 'payment_declined',
        message: 'Le paiement a été refusé. Essayez une autre carte ou un autre moyen de paiement.',
      });
      const paid = await confirm({ clientSecret: next.clientSecret, card: CARDS.success });
      expect(paid.body.outcome).toBe('succeeded');
      expect((await ctx.client.getOrder(order.id, token)).body.status).toBe('paid');
    });

    test('3-D Secure: approving pays, refusing fails with authentication_failed', async () => {
      const approved = await pending();
      const asked = await approved.confirm({
        clientSecret: approved.next.clientSecret,
        card: CARDS.challenge,
      });
      expect(asked.body.outcome).toBe('requires_action');
      expect(asked.body.order.status).toBe('pending');
      const yes = await ctx.client.confirm(asked.body.challengeUrl, {
        clientSecret: approved.next.clientSecret,
        approve: true,
      });
      expect(yes.body).toMatchObject({ outcome: 'succeeded', order: { status: 'paid' } });

      const refused = await pending();
      const again = await refused.confirm({ clientSecret: refused.next.clientSecret, card: CARDS.challenge });
      const no = await ctx.client.confirm(again.body.challengeUrl, {
        clientSecret: refused.next.clientSecret,
        approve: false,
      });
      expect(no.body).toMatchObject({
        outcome: 'declined',
        order: { status: 'failed', failure: { code: 'authentication_failed' } },
      });
    });

    test('delayed settlement: pending at first, paid once the settlement time has passed', async () => {
      if (!ctx.host.advanceClock) return;
      const { order, token, next, confirm } = await pending();
      const processing = await confirm({ clientSecret: next.clientSecret, card: CARDS.delayed });
      expect(processing.body).toMatchObject({ outcome: 'processing', order: { status: 'pending' } });
      expect((await ctx.client.getOrder(order.id, token)).body.status).toBe('pending');
      await ctx.host.advanceClock(11_000);
      expect((await ctx.client.getOrder(order.id, token)).body.status).toBe('paid');
    });

    test('confirming a paid order again answers succeeded and charges nothing more', async () => {
      const { next, confirm } = await pending();
      await confirm({ clientSecret: next.clientSecret, card: CARDS.success });
      const again = await confirm({ clientSecret: next.clientSecret, card: CARDS.declined });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ outcome: 'succeeded', order: { status: 'paid' } });
    });

    test('a client secret altered to pay less is refused and the order stays unpaid', async () => {
      const { order, token, next, confirm } = await pending();
      const forged = next.clientSecret.replace('_2500_', '_100_');
      const refused = await confirm({ clientSecret: forged, card: CARDS.success });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('bad_request');
      expect((await ctx.client.getOrder(order.id, token)).body.status).toBe('pending');
    });
  });
}
