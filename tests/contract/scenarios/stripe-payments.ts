import { signatureHeader } from '../../../backend-adapter/testing/stripe-emulator';
import type { ContractContext } from '../suite';
import { donationForm, donationRequest, ticketsForm, ticketsRequest } from '../support/forms';

const stripe = { provider: 'stripe' as const };

export function stripeScenarios(ctx: ContractContext): void {
  async function stripeOrder(kind: 'donation' | 'tickets' = 'donation') {
    const form = kind === 'donation' ? donationForm() : ticketsForm({ quota: 2 });
    await ctx.host.installForm(form);
    const request =
      kind === 'donation'
        ? donationRequest({ payment: stripe })
        : ticketsRequest([{ typeId: 'plein', quantity: 2 }], { payment: stripe });
    const created = await ctx.client.createOrder(form.id, request);
    expect(created.status).toBe(201);
    const sessionId = String(created.body.next.clientSecret).split('_secret_')[0] as string;
    return { form, order: created.body.order, token: created.body.token, next: created.body.next, sessionId };
  }

  const status = async (order: { id: string }, token: string) =>
    (await ctx.client.getOrder(order.id, token)).body.status;

  describe('paying through Stripe (emulator)', () => {
    test('the widget gets a client secret and the publishable key; the signed webhook marks the order paid', async () => {
      const { order, token, next, sessionId } = await stripeOrder();
      expect(next).toMatchObject({
        type: 'confirm',
        provider: 'stripe',
        publishableKey: 'pk_test_contract_suite',
      });
      const done = await ctx.stripe.controls.completeCheckoutSession(sessionId);
      expect(done.deliveries.length).toBeGreaterThan(0);
      expect(done.deliveries.every((d) => d.status === 200)).toBe(true);
      expect(await status(order, token)).toBe('paid');
    });

    test('a replayed event is acknowledged as a duplicate and changes nothing', async () => {
      const { order, token, sessionId } = await stripeOrder();
      const done = await ctx.stripe.controls.completeCheckoutSession(sessionId);
      const completed = done.events.find((e) => e.event.type === 'checkout.session.completed');
      expect(completed).toBeDefined();
      const again = await ctx.stripe.controls.redeliverEvent(completed?.event.id ?? '');
      expect(again.deliveries[0]?.status).toBe(200);
      expect(JSON.parse(again.deliveries[0]?.response_body ?? '{}')).toMatchObject({
        received: true,
        duplicate: true,
      });
      expect(await status(order, token)).toBe('paid');
    });

    test('a webhook with a bad signature is refused before it is read, and nothing changes', async () => {
      const { order, token, sessionId } = await stripeOrder();
      const forged = JSON.stringify({
        id: 'evt_forged_1',
        object: 'event',
        type: 'checkout.session.completed',
        data: {
          object: { id: sessionId, object: 'checkout.session', status: 'complete', payment_status: 'paid' },
        },
      });
      const now = Math.floor(Date.now() / 1000);
      const answer = await ctx.client.webhook('stripe', forged, {
        'stripe-signature': signatureHeader(forged, 'whsec_not_the_secret', now),
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('webhook_signature_invalid');
      const unsigned = await ctx.client.webhook('stripe', forged, {});
      expect(unsigned.status).toBe(400);
      expect(await status(order, token)).toBe('pending');
    });

    test('an expired checkout session expires the order and puts its seats back on sale', async () => {
      const { form, order, token, sessionId } = await stripeOrder('tickets');
      expect((await ctx.client.getForm(form.id)).body.tickets.types[0].available).toBe(0);
      await ctx.stripe.controls.expireCheckoutSession(sessionId);
      expect(await status(order, token)).toBe('expired');
      expect((await ctx.client.getForm(form.id)).body.tickets.types[0].available).toBe(2);
    });

    test('a refused order never reaches Stripe: nothing is charged', async () => {
      const form = donationForm();
      await ctx.host.installForm(form);
      const sessionsBefore = ctx.stripe
        .requests()
        .filter((r) => r.path.startsWith('/v1/checkout/sessions')).length;
      const refused = await ctx.client.createOrder(
        form.id,
        donationRequest({ amount: -500, payment: stripe }),
      );
      expect(refused.status).toBe(422);
      const sessionsAfter = ctx.stripe
        .requests()
        .filter((r) => r.path.startsWith('/v1/checkout/sessions')).length;
      expect(sessionsAfter).toBe(sessionsBefore);
    });
  });
}
