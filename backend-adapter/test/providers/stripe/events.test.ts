import type { PaymentRequest, ProviderEvent } from '../../../src/providers';
import type { StripeEmulator } from '../../../testing/stripe-emulator';
import { paymentRequest } from '../fixtures';
import { live, startProviderHarness, type ProviderHarness } from './harness';

/**
 * Stripe's webhooks, as the emulator sends them after what a payer, a bank or time did, verified and mapped by
 * the provider. Emulator controls only: skipped against real Stripe.
 */
const describeEmulator = live ? describe.skip : describe;

let h: ProviderHarness;
let emulator: StripeEmulator;
beforeAll(async () => {
  h = await startProviderHarness();
  emulator = h.target.emulator as StripeEmulator;
});
afterAll(() => h.close());

const ctx = { now: () => new Date() };
let counter = 0;
async function start(overrides: Partial<PaymentRequest> = {}, sepa = false) {
  const orderId = `ord_evt_${(counter += 1)}`;
  const request = paymentRequest({ orderId, idempotencyKey: `order-${orderId}`, ...overrides });
  const command = await (sepa ? h.providerWith({ sepa: true }) : h.provider).startPayment(request, ctx);
  if (command.type !== 'next') throw new Error('expected a checkout session');
  return { orderId, session: command.providerRef };
}

/** What the host would apply for this order, in delivery order, without the fields that vary per run. */
const eventsOf = (orderId: string) =>
  h.events().filter((event) => event.orderId === orderId || event.providerRef === orderId);
const summary = (events: ProviderEvent[]) =>
  events.map((e) => ({ type: e.type, amount: e.amount, ...(e.failure ? { failure: e.failure.code } : {}) }));

describeEmulator('Stripe provider: events from the emulator’s signed webhooks', () => {
  it('a card payment is one payment_succeeded naming the session, the intent and the order', async () => {
    const { orderId, session } = await start();
    await emulator.controls.completeCheckoutSession(session);
    const events = eventsOf(orderId);
    expect(summary(events)).toEqual([{ type: 'payment_succeeded', amount: 2500 }]);
    expect(events[0]).toMatchObject({
      id: expect.stringMatching(/^evt_/),
      providerRef: session,
      paymentRef: expect.stringMatching(/^pi_/),
      occurredAt: expect.any(Date),
    });
    expect(h.stripeTypes()).toEqual(expect.arrayContaining(['payment_intent.succeeded', 'charge.succeeded']));
  });

  it('a declined card fails the attempt with the bank’s reason, and a second card still pays', async () => {
    const { orderId, session } = await start();
    await emulator.controls.failCheckoutSession(session, { declineCode: 'insufficient_funds' });
    await emulator.controls.completeCheckoutSession(session);
    expect(summary(eventsOf(orderId))).toEqual([
      { type: 'payment_failed', amount: 2500, failure: 'insufficient_funds' },
      { type: 'payment_succeeded', amount: 2500 },
    ]);
  });

  it('SEPA Direct Debit stays processing until the bank settles it', async () => {
    const { orderId, session } = await start({}, true);
    await emulator.controls.completeCheckoutSession(session, { paymentMethod: 'sepa_debit' });
    expect(summary(eventsOf(orderId))).toEqual([{ type: 'payment_processing', amount: 2500 }]);
    await emulator.controls.settleCheckoutSession(session);
    expect(summary(eventsOf(orderId))).toEqual([
      { type: 'payment_processing', amount: 2500 },
      { type: 'payment_succeeded', amount: 2500 },
    ]);
  });

  it('a SEPA debit the bank bounces fails the order', async () => {
    const { orderId, session } = await start({}, true);
    await emulator.controls.completeCheckoutSession(session, { paymentMethod: 'sepa_debit' });
    await emulator.controls.failCheckoutSessionSettlement(session);
    // Stripe reports the bounce twice (the intent's failure, then the session's async failure): both say failed.
    const [processing, ...rest] = eventsOf(orderId);
    expect(processing?.type).toBe('payment_processing');
    expect(rest.map((e) => e.type)).toEqual(rest.map(() => 'payment_failed'));
    expect(rest.map((e) => e.failure?.code)).toContain('async_payment_failed');
  });

  it('an abandoned session expires the order', async () => {
    const { orderId, session } = await start({ kind: 'tickets', expiresAt: new Date(Date.now() + 3600_000) });
    await emulator.controls.expireCheckoutSession(session);
    expect(summary(eventsOf(orderId))).toEqual([{ type: 'payment_expired', amount: 2500 }]);
  });

  it('a monthly donation is paid, renewed, fails a renewal, then ends — each event naming the order', async () => {
    const { orderId, session } = await start({ recurring: { interval: 'month' } });
    await emulator.controls.completeCheckoutSession(session);
    const [first] = eventsOf(orderId);
    expect(first).toMatchObject({
      type: 'payment_succeeded',
      subscriptionRef: expect.stringMatching(/^sub_/),
    });
    const subscription = first?.subscriptionRef ?? '';

    await emulator.controls.renewSubscription(subscription, 'paid');
    await emulator.controls.renewSubscription(subscription, 'failed');
    await h.target.stripe.subscriptions.cancel(subscription);
    await emulator.idle();

    const events = eventsOf(orderId);
    expect(summary(events)).toEqual([
      { type: 'payment_succeeded', amount: 2500 },
      { type: 'renewal_paid', amount: 2500 },
      { type: 'renewal_failed', amount: 2500, failure: 'renewal_failed' },
      { type: 'subscription_ended', amount: undefined },
    ]);
    for (const event of events.slice(1)) expect(event.subscriptionRef).toBe(subscription);
  });

  it('a redelivered webhook carries the same event id, so the host applies it once', async () => {
    const { orderId, session } = await start();
    const { events } = await emulator.controls.completeCheckoutSession(session);
    const completed = events.find((logged) => logged.event.type === 'checkout.session.completed');
    await emulator.controls.redeliverEvent(completed?.event.id ?? '');
    const ids = eventsOf(orderId).map((e) => e.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(1);
  });
});
