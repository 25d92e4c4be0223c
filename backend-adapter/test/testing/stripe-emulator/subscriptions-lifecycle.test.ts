import Stripe from 'stripe';
import { addInterval } from '../../../testing/stripe-emulator/flows/subscriptions';
import { control, monthly, startHarness, types, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => {
  h.emulator.reset();
  h.receiver.received.length = 0;
});

async function subscribedBy(paymentMethod: 'card' | 'sepa_debit'): Promise<Stripe.Subscription> {
  const session = await h.stripe.checkout.sessions.create({
    mode: 'subscription',
    success_url: 'https://asso.example/merci',
    allowed_payment_method_types: ['card', 'sepa_debit'],
    line_items: [monthly(1000)],
  });
  const done = await h.emulator.controls.completeCheckoutSession(session.id, { paymentMethod });
  if (paymentMethod === 'sepa_debit') await h.emulator.controls.settleCheckoutSession(session.id);
  return h.stripe.subscriptions.retrieve(done.result.session.subscription as string);
}

describe('renewals', () => {
  it('renews into the next month with a paid subscription_cycle invoice and moves the clock', async () => {
    const subscription = await subscribedBy('card');
    const item = subscription.items.data[0];
    const renewal = await control(h.emulator, `subscriptions/${subscription.id}/renew`, {});
    expect(renewal.status).toBe(200);
    const body = renewal.json as {
      result: { invoice: Stripe.Invoice; subscription: Stripe.Subscription };
      events: { event: Stripe.Event }[];
    };
    expect(types(body.events)).toEqual([
      'customer.subscription.updated',
      'payment_intent.created',
      'invoice.created',
      'invoice.finalized',
      'charge.succeeded',
      'payment_intent.succeeded',
      'invoice.paid',
      'invoice.payment_succeeded',
    ]);
    expect(body.result.invoice).toMatchObject({
      billing_reason: 'subscription_cycle',
      status: 'paid',
      amount_paid: 1000,
    });
    const renewed = body.result.subscription.items.data[0];
    expect(renewed?.current_period_start).toBe(item?.current_period_end);
    expect(renewed?.current_period_end).toBe(addInterval(item?.current_period_end ?? 0, 'month', 1));
    const clock = (await control(h.emulator, 'clock')).json as { now: number };
    expect(clock.now).toBeGreaterThanOrEqual(item?.current_period_end ?? Infinity);
    const invoices = await h.stripe.invoices.list({ subscription: subscription.id });
    expect(invoices.data.map((i) => i.billing_reason)).toEqual(['subscription_cycle', 'subscription_create']);
  });

  it('a failed renewal sends invoice.payment_failed and makes the subscription past_due; a paid one reactivates it', async () => {
    const subscription = await subscribedBy('card');
    const failed = await h.emulator.controls.renewSubscription(subscription.id, 'failed');
    expect(types(failed.events)).toEqual([
      'customer.subscription.updated',
      'payment_intent.created',
      'invoice.created',
      'invoice.finalized',
      'charge.failed',
      'payment_intent.payment_failed',
      'invoice.payment_failed',
      'customer.subscription.updated',
    ]);
    expect(failed.result.subscription.status).toBe('past_due');
    expect(failed.result.invoice).toMatchObject({ status: 'open', attempt_count: 1, attempted: true });
    const paid = await h.emulator.controls.renewSubscription(subscription.id, 'paid');
    expect(paid.result.subscription.status).toBe('active');
  });

  it('a SEPA renewal can stay processing until the bank answers', async () => {
    const subscription = await subscribedBy('sepa_debit');
    expect(subscription.status).toBe('active');
    const pending = await h.emulator.controls.renewSubscription(subscription.id, 'processing');
    expect(types(pending.events)).toContain('payment_intent.processing');
    expect(pending.result.invoice?.status).toBe('open');
    const pi = pending.result.invoice?.payments?.data[0]?.payment.payment_intent as string;
    const settled = await control(h.emulator, `payment_intents/${pi}/settle`, {});
    const settledTypes = (settled.json as { events: { event: Stripe.Event }[] }).events.map(
      (e) => e.event.type,
    );
    expect(settledTypes).toEqual([
      'charge.succeeded',
      'payment_intent.succeeded',
      'invoice.paid',
      'invoice.payment_succeeded',
    ]);
  });

  it('ends a subscription set to cancel at period end instead of renewing it', async () => {
    const subscription = await subscribedBy('card');
    const updated = await h.stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true });
    expect(updated.cancel_at).toBe(subscription.items.data[0]?.current_period_end);
    const renewal = await h.emulator.controls.renewSubscription(subscription.id);
    expect(types(renewal.events)).toEqual(['customer.subscription.deleted']);
    expect(renewal.result).toMatchObject({ invoice: null, subscription: { status: 'canceled' } });
    expect((await control(h.emulator, `subscriptions/${subscription.id}/renew`, {})).status).toBe(400);
  });

  it('cancels immediately with DELETE and announces customer.subscription.deleted', async () => {
    const subscription = await subscribedBy('card');
    await h.stripe.subscriptions.cancel(subscription.id, {
      cancellation_details: { comment: 'déménagement' },
    });
    await h.emulator.idle();
    const deleted = h.emulator.events().at(-1)?.event as Stripe.CustomerSubscriptionDeletedEvent;
    expect(deleted.type).toBe('customer.subscription.deleted');
    expect(deleted.data.object.cancellation_details).toMatchObject({
      reason: 'cancellation_requested',
      comment: 'déménagement',
    });
    const listed = await h.stripe.subscriptions.list({ status: 'canceled' });
    expect(listed.data.map((s) => s.id)).toEqual([subscription.id]);
  });
});

describe('client-side confirmation of an API-created subscription', () => {
  it('pays the first invoice when its PaymentIntent succeeds (what a fake Stripe.js does)', async () => {
    const product = await h.stripe.products.create({ name: 'Adhésion' });
    const customer = await h.stripe.customers.create({ email: 'membre@example.test' });
    const subscription = await h.stripe.subscriptions.create({
      customer: customer.id,
      items: [
        {
          price_data: {
            currency: 'eur',
            product: product.id,
            unit_amount: 3000,
            recurring: { interval: 'year' },
          },
        },
      ],
      payment_behavior: 'default_incomplete',
      expand: ['latest_invoice.confirmation_secret'],
    });
    const secret = (subscription.latest_invoice as Stripe.Invoice).confirmation_secret?.client_secret ?? '';
    const pi = secret.split('_secret_')[0] ?? '';
    const paid = await control(h.emulator, `payment_intents/${pi}/succeed`, { payment_method: 'card' });
    expect(paid.status).toBe(200);
    const after = await h.stripe.subscriptions.retrieve(subscription.id, { expand: ['latest_invoice'] });
    expect(after.status).toBe('active');
    expect((after.latest_invoice as Stripe.Invoice).status).toBe('paid');
    const renewal = await h.emulator.controls.renewSubscription(subscription.id);
    expect(renewal.result.subscription.items.data[0]?.current_period_end).toBe(
      addInterval(after.items.data[0]?.current_period_end ?? 0, 'year', 1),
    );
  });

  it('refuses a subscription that would charge nobody: no default payment method and allow_incomplete', async () => {
    const product = await h.stripe.products.create({ name: 'Adhésion' });
    const customer = await h.stripe.customers.create({ email: 'membre@example.test' });
    await expect(
      h.stripe.subscriptions.create({
        customer: customer.id,
        items: [
          {
            price_data: {
              currency: 'eur',
              product: product.id,
              unit_amount: 3000,
              recurring: { interval: 'year' },
            },
          },
        ],
      }),
    ).rejects.toMatchObject({ type: 'StripeInvalidRequestError', code: 'resource_missing' });
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['2026-01-31T10:00:00Z', 'month', 1, '2026-02-28T10:00:00Z'],
    ['2028-01-31T10:00:00Z', 'month', 1, '2028-02-29T10:00:00Z'],
    ['2026-03-15T00:00:00Z', 'year', 1, '2027-03-15T00:00:00Z'],
    ['2028-02-29T00:00:00Z', 'year', 1, '2029-02-28T00:00:00Z'],
    ['2026-12-01T00:00:00Z', 'week', 2, '2026-12-15T00:00:00Z'],
  ])('%s + %s×%i = %s', (start, interval, count, end) => {
    const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);
    expect(addInterval(at(start), interval, count)).toBe(at(end));
  });
});
