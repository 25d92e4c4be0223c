/**
 * The official SDK against the Stripe target: the emulator by default, real Stripe test mode when
 * STRIPE_TEST_SECRET_KEY is set. Assertions shared by both are the contract; `if (emulator)` blocks pin the
 * emulator's exact wording.
 */
import Stripe from 'stripe';
import { stripeTarget, stripeTargetKind, type StripeTarget } from '../../../testing/stripe-target';

const kind = stripeTargetKind();
jest.setTimeout(kind === 'live' ? 60_000 : 5_000);

let target: StripeTarget;
let stripe: Stripe;
const runId = `t${Date.now().toString(36)}`;

beforeAll(async () => {
  target = await stripeTarget();
  stripe = target.stripe;
});
afterAll(() => target.close());

async function rejection(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return error;
    throw error;
  }
  throw new Error('expected the Stripe call to fail');
}

const donationLine = (amount: number): Stripe.Checkout.SessionCreateParams.LineItem => ({
  quantity: 1,
  price_data: { currency: 'eur', unit_amount: amount, product_data: { name: 'Don libre' } },
});

describe(`Stripe SDK contract (${kind})`, () => {
  describe('PaymentIntents', () => {
    it('creates and retrieves one, lower-casing the currency and keeping metadata', async () => {
      const created = await stripe.paymentIntents.create({
        amount: 2500,
        currency: 'EUR',
        allowed_payment_method_types: ['card'],
        metadata: { campaign: 'hiver', run: runId },
      });
      expect(created).toMatchObject({
        object: 'payment_intent',
        amount: 2500,
        currency: 'eur',
        status: 'requires_payment_method',
        livemode: false,
        metadata: { campaign: 'hiver', run: runId },
      });
      expect(created.client_secret?.startsWith(`${created.id}_secret_`)).toBe(true);
      const retrieved = await stripe.paymentIntents.retrieve(created.id);
      expect(retrieved.id).toBe(created.id);
      expect(retrieved.amount).toBe(2500);
    });

    it('rejects a zero amount, an amount below the EUR minimum and a non-integer', async () => {
      const zero = await rejection(stripe.paymentIntents.create({ amount: 0, currency: 'eur' }));
      expect(zero).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(zero.param).toBe('amount');
      const small = await rejection(stripe.paymentIntents.create({ amount: 20, currency: 'eur' }));
      expect(small.code).toBe('amount_too_small');
      const text = await rejection(
        stripe.paymentIntents.create({ amount: 'abc' as unknown as number, currency: 'eur' }),
      );
      expect(text.param).toBe('amount');
      expect(text.statusCode).toBe(400);
    });

    it('confirms with a test card, then refunds partially and refuses to refund more than remains', async () => {
      const pi = await stripe.paymentIntents.create({
        amount: 3000,
        currency: 'eur',
        allowed_payment_method_types: ['card'],
        payment_method: 'pm_card_visa',
        confirm: true,
      });
      expect(pi.status).toBe('succeeded');
      expect(pi.amount_received).toBe(3000);
      const refund = await stripe.refunds.create({
        payment_intent: pi.id,
        amount: 1000,
        reason: 'requested_by_customer',
      });
      expect(refund).toMatchObject({
        object: 'refund',
        amount: 1000,
        payment_intent: pi.id,
        status: 'succeeded',
      });
      const charge = await stripe.charges.retrieve(refund.charge as string);
      expect(charge.amount_refunded).toBe(1000);
      expect(charge.refunded).toBe(false);
      const tooMuch = await rejection(stripe.refunds.create({ payment_intent: pi.id, amount: 2500 }));
      expect(tooMuch).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      const rest = await stripe.refunds.create({ payment_intent: pi.id });
      expect(rest.amount).toBe(2000);
      expect((await stripe.charges.retrieve(charge.id)).refunded).toBe(true);
    });

    it('answers a declined card with StripeCardError and leaves the intent awaiting a new method', async () => {
      const pi = await stripe.paymentIntents.create({
        amount: 1500,
        currency: 'eur',
        allowed_payment_method_types: ['card'],
      });
      const declined = await rejection(
        stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_chargeDeclined' }),
      );
      expect(declined).toBeInstanceOf(Stripe.errors.StripeCardError);
      expect(declined.code).toBe('card_declined');
      expect(declined.decline_code).toBe('generic_decline');
      const after = await stripe.paymentIntents.retrieve(pi.id);
      expect(after.status).toBe('requires_payment_method');
      expect(after.last_payment_error?.code).toBe('card_declined');
    });

    it('cancels an unpaid intent', async () => {
      const pi = await stripe.paymentIntents.create({
        amount: 1500,
        currency: 'eur',
        allowed_payment_method_types: ['card'],
      });
      const canceled = await stripe.paymentIntents.cancel(pi.id, { cancellation_reason: 'abandoned' });
      expect(canceled.status).toBe('canceled');
      expect(canceled.cancellation_reason).toBe('abandoned');
    });
  });

  describe('Checkout Sessions (API 2026-10-28.endive ui_mode values)', () => {
    it('creates an embedded_page session with a client secret and a return_url, and lists its line items', async () => {
      const session = await stripe.checkout.sessions.create({
        mode: 'payment',
        ui_mode: 'embedded_page',
        return_url: 'https://asso.example/merci?session={CHECKOUT_SESSION_ID}',
        submit_type: 'donate',
        line_items: [donationLine(3000)],
        metadata: { form: 'don', run: runId },
        client_reference_id: 'submission-42',
      });
      expect(session).toMatchObject({
        object: 'checkout.session',
        mode: 'payment',
        ui_mode: 'embedded_page',
        status: 'open',
        payment_status: 'unpaid',
        amount_total: 3000,
        currency: 'eur',
        url: null,
        client_reference_id: 'submission-42',
        metadata: { form: 'don', run: runId },
        return_url: 'https://asso.example/merci?session={CHECKOUT_SESSION_ID}',
      });
      expect(typeof session.client_secret).toBe('string');
      const expanded = await stripe.checkout.sessions.retrieve(session.id, { expand: ['line_items'] });
      expect(expanded.line_items?.data[0]?.price?.unit_amount).toBe(3000);
      const lines = await stripe.checkout.sessions.listLineItems(session.id);
      expect(lines.data).toHaveLength(1);
      expect(lines.data[0]?.amount_total).toBe(3000);
    });

    it('gives a hosted_page session a url and no client secret', async () => {
      const session = await stripe.checkout.sessions.create({
        mode: 'payment',
        ui_mode: 'hosted_page',
        success_url: 'https://asso.example/merci',
        cancel_url: 'https://asso.example/don',
        line_items: [donationLine(1000)],
      });
      expect(typeof session.url).toBe('string');
      expect(session.client_secret).toBeNull();
    });

    it('accepts ui_mode elements with SEPA Direct Debit and adjustable quantities', async () => {
      const session = await stripe.checkout.sessions.create({
        mode: 'payment',
        ui_mode: 'elements',
        return_url: 'https://asso.example/merci',
        allowed_payment_method_types: ['card', 'sepa_debit'],
        line_items: [
          {
            quantity: 2,
            adjustable_quantity: { enabled: true, minimum: 1, maximum: 6 },
            price_data: { currency: 'eur', unit_amount: 1200, product_data: { name: 'Billet kermesse' } },
          },
        ],
        expires_at: Math.floor(Date.now() / 1000) + 3600,
      });
      expect(session.ui_mode).toBe('elements');
      expect(session.allowed_payment_method_types).toEqual(['card', 'sepa_debit']);
      expect(session.payment_method_types).toEqual(['card', 'sepa_debit']);
      expect(session.amount_total).toBe(2400);
      expect(typeof session.client_secret).toBe('string');
    });

    it.each(['embedded', 'hosted', 'custom'])('rejects the pre-2026-03-25 ui_mode %s', async (old) => {
      const error = await rejection(
        stripe.checkout.sessions.create({
          mode: 'payment',
          ui_mode: old,
          return_url: 'https://asso.example/merci',
          line_items: [donationLine(1000)],
        }),
      );
      expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(error.param).toBe('ui_mode');
      if (kind === 'emulator') expect(error.message).toContain('2026-03-25');
    });

    it('refuses payment_method_types, replaced by allowed_payment_method_types in 2026-09-30.endive', async () => {
      const legacy = { payment_method_types: ['card'] } as Record<string, unknown>;
      const session = await rejection(
        stripe.checkout.sessions.create({
          mode: 'payment',
          success_url: 'https://asso.example/merci',
          line_items: [donationLine(1000)],
          ...legacy,
        } as Stripe.Checkout.SessionCreateParams),
      );
      const pi = await rejection(
        stripe.paymentIntents.create({
          amount: 1000,
          currency: 'eur',
          ...legacy,
        } as Stripe.PaymentIntentCreateParams),
      );
      for (const error of [session, pi]) {
        expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
        expect(error.param).toBe('payment_method_types');
        if (kind === 'emulator') expect(error.message).toContain('allowed_payment_method_types');
      }
    });

    it('refuses success_url on an embedded_page session', async () => {
      const error = await rejection(
        stripe.checkout.sessions.create({
          mode: 'payment',
          ui_mode: 'embedded_page',
          success_url: 'https://asso.example/merci',
          line_items: [donationLine(1000)],
        }),
      );
      expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      if (kind === 'emulator') expect(error.param).toBe('success_url');
    });

    it('expires an open session', async () => {
      const session = await stripe.checkout.sessions.create({
        mode: 'payment',
        success_url: 'https://asso.example/merci',
        line_items: [donationLine(1000)],
      });
      const expired = await stripe.checkout.sessions.expire(session.id);
      expect(expired.status).toBe('expired');
      const again = await rejection(stripe.checkout.sessions.expire(session.id));
      expect(again).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    });
  });

  describe('Subscriptions', () => {
    it('starts a monthly donation from price_data on an existing product, paid by the default card', async () => {
      const product = await stripe.products.create({ name: 'Don mensuel', metadata: { run: runId } });
      const customer = await stripe.customers.create({
        email: 'adherent@example.test',
        payment_method: 'pm_card_visa',
        invoice_settings: { default_payment_method: 'pm_card_visa' },
      });
      const subscription = await stripe.subscriptions.create({
        customer: customer.id,
        items: [
          {
            price_data: {
              currency: 'eur',
              product: product.id,
              unit_amount: 1000,
              recurring: { interval: 'month' },
            },
          },
        ],
        metadata: { member_id: '42' },
        expand: ['latest_invoice'],
      });
      expect(subscription.status).toBe('active');
      expect(subscription.metadata).toEqual({ member_id: '42' });
      expect(subscription.items.data[0]?.price.unit_amount).toBe(1000);
      const invoice = subscription.latest_invoice as Stripe.Invoice;
      expect(invoice.status).toBe('paid');
      expect(invoice.amount_paid).toBe(1000);
      const retrieved = await stripe.subscriptions.retrieve(subscription.id);
      expect(retrieved.id).toBe(subscription.id);
      const canceled = await stripe.subscriptions.cancel(subscription.id);
      expect(canceled.status).toBe('canceled');
    });

    it('leaves a default_incomplete subscription waiting for client-side confirmation', async () => {
      const product = await stripe.products.create({ name: 'Adhésion annuelle' });
      const customer = await stripe.customers.create({ email: 'nouveau@example.test' });
      const subscription = await stripe.subscriptions.create({
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
      expect(subscription.status).toBe('incomplete');
      const invoice = subscription.latest_invoice as Stripe.Invoice;
      expect(invoice.status).toBe('open');
      expect(typeof invoice.confirmation_secret?.client_secret).toBe('string');
    });

    it('refuses product_data inside subscription price_data (a product id is required)', async () => {
      const customer = await stripe.customers.create({ email: 'x@example.test' });
      const error = await rejection(
        stripe.subscriptions.create({
          customer: customer.id,
          payment_behavior: 'default_incomplete',
          items: [
            {
              price_data: {
                currency: 'eur',
                unit_amount: 1000,
                recurring: { interval: 'month' },
                product_data: { name: 'Don' },
              } as unknown as Stripe.SubscriptionCreateParams.Item.PriceData,
            },
          ],
        }),
      );
      expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(error.message).toContain('product_data');
    });
  });

  describe('SetupIntents and customers', () => {
    it('saves a card for later with a SetupIntent', async () => {
      const customer = await stripe.customers.create({
        email: 'sepa@example.test',
        metadata: { a: '1', b: '2' },
      });
      const si = await stripe.setupIntents.create({
        customer: customer.id,
        allowed_payment_method_types: ['card'],
        usage: 'off_session',
      });
      expect(si.status).toBe('requires_payment_method');
      const confirmed = await stripe.setupIntents.confirm(si.id, { payment_method: 'pm_card_visa' });
      expect(confirmed.status).toBe('succeeded');
      expect(typeof confirmed.payment_method).toBe('string');
      const updated = await stripe.customers.update(customer.id, { metadata: { a: '', c: '3' } });
      expect(updated.metadata).toEqual({ b: '2', c: '3' });
    });
  });

  describe('Requests and errors', () => {
    it('replays an idempotent request and rejects the key with other parameters', async () => {
      const key = `guichet-${runId}-${Math.random().toString(36).slice(2)}`;
      const first = await stripe.paymentIntents.create(
        { amount: 1000, currency: 'eur', allowed_payment_method_types: ['card'] },
        { idempotencyKey: key },
      );
      const replay = await stripe.paymentIntents.create(
        { amount: 1000, currency: 'eur', allowed_payment_method_types: ['card'] },
        { idempotencyKey: key },
      );
      expect(replay.id).toBe(first.id);
      expect(replay.lastResponse.headers['idempotent-replayed']).toBe('true');
      const conflict = await rejection(
        stripe.paymentIntents.create(
          { amount: 2000, currency: 'eur', allowed_payment_method_types: ['card'] },
          { idempotencyKey: key },
        ),
      );
      expect(conflict).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
      expect(conflict.statusCode).toBe(400);
    });

    it('answers a bad key with StripeAuthenticationError', async () => {
      const config = target.emulator === null ? {} : { ...target.emulator.sdkConfig };
      const wrong = new Stripe('sk_test_this_key_does_not_exist', { ...config, maxNetworkRetries: 0 });
      const error = await rejection(wrong.paymentIntents.create({ amount: 1000, currency: 'eur' }));
      expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
      expect(error.statusCode).toBe(401);
    });

    it('rejects unknown parameters and answers 404 resource_missing for unknown ids', async () => {
      const unknown = await rejection(
        stripe.paymentIntents.create({
          amount: 1000,
          currency: 'eur',
          sucess_url: 'x',
        } as Stripe.PaymentIntentCreateParams),
      );
      expect(unknown.code).toBe('parameter_unknown');
      expect(unknown.param).toBe('sucess_url');
      const missing = await rejection(stripe.paymentIntents.retrieve('pi_doesnotexist000000000000'));
      expect(missing.statusCode).toBe(404);
      expect(missing.code).toBe('resource_missing');
    });
  });
});
