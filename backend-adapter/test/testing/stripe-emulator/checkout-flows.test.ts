import Stripe from 'stripe';
import { control, donation, monthly, startHarness, types, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => {
  h.emulator.reset();
  h.receiver.received.length = 0;
});

const RETURN_URL = 'https://asso.example/merci?session={CHECKOUT_SESSION_ID}';

function embedded(params: Partial<Stripe.Checkout.SessionCreateParams>): Promise<Stripe.Checkout.Session> {
  return h.stripe.checkout.sessions.create({
    mode: 'payment',
    ui_mode: 'embedded_page',
    return_url: RETURN_URL,
    line_items: [donation(2500)],
    ...params,
  });
}

async function rejection(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return error;
    throw error;
  }
  throw new Error('expected a Stripe error');
}

describe('completing a Checkout Session (payment mode)', () => {
  it('pays by card: PaymentIntent with payment_intent_data, session complete and paid, one webhook per event', async () => {
    const session = await embedded({
      customer_email: 'donatrice@example.test',
      payment_intent_data: { metadata: { donation_id: 'd-1' }, description: 'Don ponctuel' },
      client_reference_id: 'sub-1',
    });
    const { result, events, deliveries } = await h.emulator.controls.completeCheckoutSession(session.id);
    expect(result.outcome).toBe('succeeded');
    expect(types(events)).toEqual([
      'payment_intent.created',
      'charge.succeeded',
      'payment_intent.succeeded',
      'checkout.session.completed',
    ]);
    expect(deliveries.every((d) => d.ok)).toBe(true);
    const completed = await h.stripe.checkout.sessions.retrieve(session.id, {
      expand: ['payment_intent.latest_charge'],
    });
    expect(completed).toMatchObject({
      status: 'complete',
      payment_status: 'paid',
      customer: null,
      client_reference_id: 'sub-1',
    });
    expect(completed.customer_details?.email).toBe('donatrice@example.test');
    const pi = completed.payment_intent as Stripe.PaymentIntent;
    expect(pi).toMatchObject({
      status: 'succeeded',
      amount: 2500,
      metadata: { donation_id: 'd-1' },
      description: 'Don ponctuel',
    });
    expect((pi.latest_charge as Stripe.Charge).paid).toBe(true);
  });

  it('creates a Customer when customer_creation is always', async () => {
    const session = await embedded({ customer_creation: 'always' });
    const { events } = await h.emulator.controls.completeCheckoutSession(session.id, {
      email: 'a@example.test',
      name: 'Alix',
    });
    expect(types(events)[0]).toBe('customer.created');
    const completed = await h.stripe.checkout.sessions.retrieve(session.id, { expand: ['customer'] });
    expect((completed.customer as Stripe.Customer).email).toBe('a@example.test');
  });

  it('pays by SEPA: completed unpaid, then settle → async_payment_succeeded', async () => {
    const session = await embedded({ allowed_payment_method_types: ['card', 'sepa_debit'] });
    const done = await h.emulator.controls.completeCheckoutSession(session.id, {
      paymentMethod: 'sepa_debit',
    });
    expect(done.result.outcome).toBe('processing');
    expect(done.result.session).toMatchObject({ status: 'complete', payment_status: 'unpaid' });
    expect(types(done.events)).toEqual([
      'payment_intent.created',
      'charge.pending',
      'payment_intent.processing',
      'checkout.session.completed',
    ]);
    const settled = await control(h.emulator, `checkout/sessions/${session.id}/settle`, {});
    expect(settled.status).toBe(200);
    const settledTypes = (settled.json as { events: { event: Stripe.Event }[] }).events.map(
      (e) => e.event.type,
    );
    expect(settledTypes).toEqual([
      'charge.succeeded',
      'payment_intent.succeeded',
      'checkout.session.async_payment_succeeded',
    ]);
    expect((await h.stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('paid');
  });

  it('pays by SEPA and bounces: async_payment_failed, the intent needs a new method', async () => {
    const session = await embedded({ allowed_payment_method_types: ['sepa_debit'] });
    await h.emulator.controls.completeCheckoutSession(session.id);
    const failed = await h.emulator.controls.failCheckoutSessionSettlement(session.id);
    expect(types(failed.events)).toEqual([
      'charge.failed',
      'payment_intent.payment_failed',
      'checkout.session.async_payment_failed',
    ]);
    const pi = await h.stripe.paymentIntents.retrieve(failed.result.session.payment_intent as string);
    expect(pi.status).toBe('requires_payment_method');
    expect(pi.last_payment_error?.payment_method_type).toBe('sepa_debit');
    const settleAfterBounce = await control(h.emulator, `checkout/sessions/${session.id}/settle`, {});
    expect(settleAfterBounce.status).toBe(400);
  });

  it('a declined card leaves the session open; the next attempt reuses the same PaymentIntent', async () => {
    const session = await embedded({});
    const declined = await h.emulator.controls.failCheckoutSession(session.id, {
      declineCode: 'insufficient_funds',
    });
    expect(types(declined.events)).toEqual([
      'payment_intent.created',
      'charge.failed',
      'payment_intent.payment_failed',
    ]);
    expect(declined.result.session.status).toBe('open');
    const failedEvent = declined.events[2]?.event as Stripe.PaymentIntentPaymentFailedEvent;
    expect(failedEvent.data.object.last_payment_error).toMatchObject({
      code: 'card_declined',
      decline_code: 'insufficient_funds',
    });
    const paid = await h.emulator.controls.completeCheckoutSession(session.id);
    expect(types(paid.events)).toEqual([
      'charge.succeeded',
      'payment_intent.succeeded',
      'checkout.session.completed',
    ]);
    expect(paid.result.session.payment_intent).toBe(declined.result.session.payment_intent);
  });

  it('applies the quantities and amount the customer chose on the page', async () => {
    const price = await h.stripe.prices.create({
      currency: 'eur',
      custom_unit_amount: { enabled: true, minimum: 500, maximum: 100000, preset: 2000 },
      product_data: { name: 'Don libre' },
    });
    const tickets = await embedded({
      line_items: [
        {
          quantity: 2,
          adjustable_quantity: { enabled: true, minimum: 1, maximum: 8 },
          price_data: { currency: 'eur', unit_amount: 1200, product_data: { name: 'Billet' } },
        },
      ],
    });
    await h.emulator.controls.completeCheckoutSession(tickets.id, { quantities: [5] });
    const lines = await h.stripe.checkout.sessions.listLineItems(tickets.id);
    expect(lines.data[0]).toMatchObject({ quantity: 5, amount_total: 6000 });
    expect((await h.stripe.checkout.sessions.retrieve(tickets.id)).amount_total).toBe(6000);
    const outOfRange = await control(
      h.emulator,
      `checkout/sessions/${(await embedded({ line_items: [{ quantity: 1, adjustable_quantity: { enabled: true, maximum: 3 }, price_data: { currency: 'eur', unit_amount: 1000, product_data: { name: 'B' } } }] })).id}/complete`,
      { quantities: [4] },
    );
    expect(outOfRange.status).toBe(400);
    const free = await embedded({ line_items: [{ price: price.id, quantity: 1 }] });
    expect(free.amount_total).toBe(2000);
    await h.emulator.controls.completeCheckoutSession(free.id, { customUnitAmount: 4200 });
    const pi = await h.stripe.paymentIntents.retrieve(
      (await h.stripe.checkout.sessions.retrieve(free.id)).payment_intent as string,
    );
    expect(pi.amount).toBe(4200);
  });
});

describe('completing a Checkout Session (subscription and setup modes)', () => {
  it('starts a subscription with subscription_data.metadata and a paid first invoice', async () => {
    const session = await h.stripe.checkout.sessions.create({
      mode: 'subscription',
      ui_mode: 'hosted_page',
      success_url: 'https://asso.example/merci',
      line_items: [monthly(1000)],
      subscription_data: { metadata: { member_id: 'm-7' } },
    });
    const { events, result } = await h.emulator.controls.completeCheckoutSession(session.id);
    expect(types(events)).toEqual([
      'customer.created',
      'customer.subscription.created',
      'payment_intent.created',
      'invoice.created',
      'invoice.finalized',
      'charge.succeeded',
      'payment_intent.succeeded',
      'invoice.paid',
      'invoice.payment_succeeded',
      'customer.subscription.updated',
      'checkout.session.completed',
    ]);
    expect(result.session).toMatchObject({ status: 'complete', payment_status: 'paid' });
    const subscription = await h.stripe.subscriptions.retrieve(result.session.subscription as string, {
      expand: ['latest_invoice'],
    });
    expect(subscription).toMatchObject({
      status: 'active',
      metadata: { member_id: 'm-7' },
      customer: result.session.customer,
    });
    expect(subscription.latest_invoice).toMatchObject({
      id: result.session.invoice,
      status: 'paid',
      billing_reason: 'subscription_create',
      amount_paid: 1000,
    });
    const paidEvent = events[7]?.event as Stripe.InvoicePaidEvent;
    expect(paidEvent.data.object.parent?.subscription_details?.metadata).toEqual({ member_id: 'm-7' });
  });

  it('a declined first payment in subscription mode leaves an incomplete subscription that the retry activates', async () => {
    const session = await embedded({ mode: 'subscription', line_items: [monthly(1500)] });
    const declined = await h.emulator.controls.failCheckoutSession(session.id);
    expect(types(declined.events)).toContain('invoice.payment_failed');
    expect(
      (await h.stripe.subscriptions.retrieve(declined.result.session.subscription as string)).status,
    ).toBe('incomplete');
    const paid = await h.emulator.controls.completeCheckoutSession(session.id);
    expect(types(paid.events)).toEqual([
      'charge.succeeded',
      'payment_intent.succeeded',
      'invoice.paid',
      'invoice.payment_succeeded',
      'customer.subscription.updated',
      'checkout.session.completed',
    ]);
  });

  it('saves a SEPA mandate in setup mode', async () => {
    const session = await h.stripe.checkout.sessions.create({
      mode: 'setup',
      ui_mode: 'elements',
      currency: 'eur',
      allowed_payment_method_types: ['sepa_debit'],
      setup_intent_data: { metadata: { member_id: 'm-9' } },
    });
    expect(session.payment_status).toBe('no_payment_required');
    const { events, result } = await h.emulator.controls.completeCheckoutSession(session.id);
    expect(types(events)).toEqual([
      'customer.created',
      'setup_intent.created',
      'setup_intent.succeeded',
      'checkout.session.completed',
    ]);
    const si = await h.stripe.setupIntents.retrieve(result.session.setup_intent as string);
    expect(si).toMatchObject({
      status: 'succeeded',
      metadata: { member_id: 'm-9' },
      allowed_payment_method_types: ['sepa_debit'],
    });
    expect(si.mandate).toMatch(/^mandate_/);
  });
});

describe('expiry', () => {
  it('expires through the control and refuses to complete an expired session', async () => {
    const session = await embedded({});
    const { events } = await h.emulator.controls.expireCheckoutSession(session.id);
    expect(types(events)).toEqual(['checkout.session.expired']);
    const late = await control(h.emulator, `checkout/sessions/${session.id}/complete`, {});
    expect(late.status).toBe(400);
    expect(late.json).toMatchObject({
      error: { type: 'invalid_request_error', code: 'checkout_session_unexpected_state' },
    });
  });

  it('expires at expires_at when the clock passes it', async () => {
    const now = Math.floor(Date.now() / 1000);
    const session = await embedded({ expires_at: now + 1800 });
    await h.emulator.controls.advanceClock(1799);
    expect((await h.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
    const { events } = await h.emulator.controls.advanceClock(60);
    expect(types(events)).toEqual(['checkout.session.expired']);
    expect((await h.stripe.checkout.sessions.retrieve(session.id)).status).toBe('expired');
  });
});

describe('creation rules', () => {
  const base = { mode: 'payment' as const, ui_mode: 'embedded_page' as const, return_url: RETURN_URL };
  it.each<[string, Partial<Stripe.Checkout.SessionCreateParams>, string]>([
    ['mode is required', { mode: undefined }, 'mode'],
    ['line_items are required in payment mode', { line_items: undefined }, 'line_items'],
    ['return_url is required for embedded_page', { return_url: undefined }, 'return_url'],
    ['cancel_url is refused for embedded_page', { cancel_url: 'https://asso.example/' }, 'cancel_url'],
    ['return_url is refused for hosted_page', { ui_mode: 'hosted_page' }, 'return_url'],
    ['a recurring price needs subscription mode', { line_items: [monthly(1000)] }, 'line_items'],
    ['subscription mode needs a recurring price', { mode: 'subscription' }, 'line_items'],
    [
      'SEPA needs euros',
      {
        allowed_payment_method_types: ['sepa_debit'],
        line_items: [
          { quantity: 1, price_data: { currency: 'usd', unit_amount: 1000, product_data: { name: 'x' } } },
        ],
      },
      'allowed_payment_method_types',
    ],
    ['expires_at within 30 min–24 h', { expires_at: Math.floor(Date.now() / 1000) + 600 }, 'expires_at'],
    [
      'customer and customer_email are exclusive',
      { customer: 'cus_x', customer_email: 'a@example.test' },
      'customer_email',
    ],
    [
      'subscription_data only in subscription mode',
      { subscription_data: { metadata: { a: 'b' } } },
      'subscription_data',
    ],
    ['the total must reach the minimum charge', { line_items: [donation(30)] }, 'line_items'],
    [
      'unknown parameters are refused',
      { sucess_url: 'x' } as Partial<Stripe.Checkout.SessionCreateParams>,
      'sucess_url',
    ],
    [
      'line item quantity is required',
      { line_items: [{ price_data: { currency: 'eur', unit_amount: 1000, product_data: { name: 'x' } } }] },
      'line_items[0][quantity]',
    ],
  ])('%s', async (_name, change, param) => {
    const error = await rejection(
      h.stripe.checkout.sessions.create({
        ...base,
        line_items: [donation(2500)],
        ...change,
      } as Stripe.Checkout.SessionCreateParams),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error.param).toBe(param);
  });

  it('allows embedded_page without return_url when redirect_on_completion is never', async () => {
    const session = await embedded({ return_url: undefined, redirect_on_completion: 'never' });
    expect(session.redirect_on_completion).toBe('never');
  });
});

describe('HTTP controls and the hosted page', () => {
  it('completes through POST /_emulator/... with a form body and answers with CORS headers', async () => {
    const session = await embedded({});
    const response = await fetch(`${h.emulator.url}/_emulator/checkout/sessions/${session.id}/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'payment_method=card&email=form%40example.test',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await response.json()) as { result: { outcome: string; session: Stripe.Checkout.Session } };
    expect(body.result.outcome).toBe('succeeded');
    expect(body.result.session.customer_details?.email).toBe('form@example.test');
    const preflight = await fetch(`${h.emulator.url}/_emulator/checkout/sessions/${session.id}/complete`, {
      method: 'OPTIONS',
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('rejects unknown control parameters before acting', async () => {
    const session = await embedded({});
    const response = await control(h.emulator, `checkout/sessions/${session.id}/complete`, {
      paymnt_method: 'card',
    });
    expect(response.status).toBe(400);
    expect((await h.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
  });

  it('resolves a client secret the way Stripe.js would see the session', async () => {
    const session = await embedded({});
    const found = await control(h.emulator, `client_secrets/${session.client_secret}`);
    expect(found.json).toMatchObject({ id: session.id, line_items: { data: [{ amount_total: 2500 }] } });
    expect((await control(h.emulator, `client_secrets/${session.id}_secret_wrong`)).status).toBe(404);
  });

  it('serves a hosted page whose pay button completes the session and redirects to success_url', async () => {
    const session = await h.stripe.checkout.sessions.create({
      mode: 'payment',
      success_url: 'https://asso.example/merci?session={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://asso.example/don',
      line_items: [donation(1800, 'Don <script>')],
    });
    const page = await fetch(session.url ?? '');
    const html = await page.text();
    expect(html).toContain('18.00 EUR');
    expect(html).toContain('Don &#60;script&#62;');
    const paid = await fetch(session.url ?? '', {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=card',
    });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`https://asso.example/merci?session=${session.id}`);
    expect(h.receiver.received.map((_, i) => h.verified(i).type)).toContain('checkout.session.completed');
  });
});
