import Stripe from 'stripe';
import { API_VERSION } from '../../../testing/stripe-emulator';
import { control, donation, startHarness, types, WEBHOOK_SECRET, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => {
  h.emulator.reset();
  h.receiver.received.length = 0;
  h.receiver.respondWith(200);
  h.emulator.setWebhook({ url: h.receiver.url, secret: WEBHOOK_SECRET, enabledEvents: ['*'] });
});

async function paidSession(): Promise<Stripe.Checkout.Session> {
  const session = await h.stripe.checkout.sessions.create({
    mode: 'payment',
    ui_mode: 'embedded_page',
    return_url: 'https://asso.example/merci',
    line_items: [donation(2500)],
    metadata: { form: 'don' },
  });
  await h.emulator.controls.completeCheckoutSession(session.id);
  return session;
}

describe('signed webhook delivery', () => {
  it('posts every event, signed so that the official SDK verifies it, with the pinned API version', async () => {
    const session = await paidSession();
    expect(h.receiver.received.map((r) => r.path)).toEqual(Array(4).fill('/webhooks/stripe'));
    const events = h.receiver.received.map((_, i) => h.verified(i));
    expect(events.map((e) => e.type)).toEqual([
      'payment_intent.created',
      'charge.succeeded',
      'payment_intent.succeeded',
      'checkout.session.completed',
    ]);
    const completed = events[3] as Stripe.CheckoutSessionCompletedEvent;
    expect(completed).toMatchObject({ object: 'event', api_version: API_VERSION, livemode: false });
    expect(API_VERSION).toBe(Stripe.API_VERSION);
    expect(completed.data.object).toMatchObject({
      id: session.id,
      status: 'complete',
      payment_status: 'paid',
      metadata: { form: 'don' },
    });
    expect(completed.request).toEqual({ id: null, idempotency_key: null });
    const header = h.receiver.received[3]?.signature ?? '';
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(Math.abs(Number(/t=(\d+)/.exec(header)?.[1]) - Date.now() / 1000)).toBeLessThan(5);
    expect(h.receiver.received[3]?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(() =>
      h.stripe.webhooks.constructEvent(h.receiver.received[3]?.rawBody ?? '', header, 'whsec_wrong'),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });

  it('ties events caused by an API call to that request and its idempotency key', async () => {
    const pi = await h.stripe.paymentIntents.create(
      { amount: 1000, currency: 'eur' },
      { idempotencyKey: 'don-submission-7' },
    );
    await h.emulator.idle();
    const event = h.verified(0);
    expect(event.type).toBe('payment_intent.created');
    expect(event.request).toEqual({ id: pi.lastResponse.requestId, idempotency_key: 'don-submission-7' });
  });

  it('keeps each event a snapshot of the object when it happened', async () => {
    await paidSession();
    const created = h.verified(0) as Stripe.PaymentIntentCreatedEvent;
    const succeeded = h.verified(2) as Stripe.PaymentIntentSucceededEvent;
    expect(created.data.object.status).toBe('requires_payment_method');
    expect(succeeded.data.object.status).toBe('succeeded');
  });

  it('switches endpoint and secret through the HTTP control, and filters by enabled events', async () => {
    const changed = await control(h.emulator, 'webhook', {
      url: h.receiver.url,
      secret: 'whsec_test_rotated',
      enabled_events: ['checkout.session.completed'],
    });
    expect(changed.status).toBe(200);
    expect(changed.json).toEqual({
      url: h.receiver.url,
      secret: 'whsec_test_rotated',
      enabled_events: ['checkout.session.completed'],
    });
    await paidSession();
    expect(h.receiver.received).toHaveLength(1);
    const delivery = h.receiver.received[0];
    const event = h.stripe.webhooks.constructEvent(
      delivery?.rawBody ?? '',
      delivery?.signature ?? '',
      'whsec_test_rotated',
    );
    expect(event.type).toBe('checkout.session.completed');
    expect(h.emulator.events()).toHaveLength(4);
    expect(h.emulator.events()[3]?.event.pending_webhooks).toBe(1);
    expect(h.emulator.events()[0]?.event.pending_webhooks).toBe(0);
  });

  it('records failed deliveries and redelivers the same bytes with a fresh signature', async () => {
    h.receiver.respondWith(500);
    const session = await h.stripe.checkout.sessions.create({
      mode: 'payment',
      success_url: 'https://a.example/ok',
      line_items: [donation(900)],
    });
    const result = await h.emulator.controls.expireCheckoutSession(session.id);
    expect(result.deliveries).toEqual([
      expect.objectContaining({
        event_type: 'checkout.session.expired',
        status: 500,
        ok: false,
        url: h.receiver.url,
      }),
    ]);
    h.receiver.respondWith(200);
    const eventId = result.events[0]?.event.id ?? '';
    const redelivered = await control(h.emulator, `events/${eventId}/redeliver`, {});
    expect(redelivered.json).toEqual({
      deliveries: [expect.objectContaining({ event_id: eventId, status: 200, ok: true })],
    });
    expect(h.receiver.received[1]?.rawBody).toBe(h.receiver.received[0]?.rawBody);
    expect(h.verified(1).id).toBe(eventId);
    const listed = await control(h.emulator, 'events?type=checkout.session.*');
    expect(listed.json).toMatchObject({
      data: [{ event: { id: eventId }, deliveries: [{ status: 500 }, { status: 200 }] }],
    });
  });

  it('reports a refused connection as a failed delivery instead of throwing', async () => {
    h.emulator.setWebhook({ url: 'http://127.0.0.1:9/unreachable' });
    const pi = await h.stripe.paymentIntents.create({ amount: 1000, currency: 'eur' });
    await h.emulator.idle();
    expect(h.emulator.deliveries()).toEqual([
      expect.objectContaining({ ok: false, status: null, error: expect.any(String) }),
    ]);
    expect(pi.id).toMatch(/^pi_/);
  });
});

describe('/v1/events', () => {
  it('lists and retrieves the account events, newest first, with type filters', async () => {
    await paidSession();
    const all = await h.stripe.events.list();
    expect(all.data.map((e) => e.type)).toEqual([
      'checkout.session.completed',
      'payment_intent.succeeded',
      'charge.succeeded',
      'payment_intent.created',
    ]);
    const pis = await h.stripe.events.list({ type: 'payment_intent.*', limit: 1 });
    expect(pis.data.map((e) => e.type)).toEqual(['payment_intent.succeeded']);
    expect(pis.has_more).toBe(true);
    const next = await h.stripe.events.list({ type: 'payment_intent.*', starting_after: pis.data[0]?.id });
    expect(types(next.data.map((event) => ({ event })))).toEqual(['payment_intent.created']);
    const one = await h.stripe.events.retrieve(all.data[0]?.id ?? '');
    expect(one.type).toBe('checkout.session.completed');
  });
});
