import { checkoutSessionParams, stripeIdempotencyKey } from '../../../src/providers/stripe/checkout';
import { at, paymentRequest } from '../fixtures';

const NOW = at('2026-11-23T10:00:00Z');
const nowSeconds = NOW.getTime() / 1000;
const embedded = { uiMode: 'embedded_page' as const, sepa: false };

describe('Stripe checkout session parameters', () => {
  it('sends a one-off donation as a payment-mode embedded session naming the order', () => {
    expect(checkoutSessionParams(paymentRequest(), embedded, NOW)).toEqual({
      mode: 'payment',
      ui_mode: 'embedded_page',
      line_items: [
        { quantity: 1, price_data: { currency: 'eur', unit_amount: 2500, product_data: { name: 'Don' } } },
      ],
      return_url: 'https://asso.example/merci?order=ord_2026_0042&session_id={CHECKOUT_SESSION_ID}',
      client_reference_id: 'ord_2026_0042',
      customer_email: 'camille@example.org',
      locale: 'fr',
      metadata: { guichet_order_id: 'ord_2026_0042', guichet_form_id: 'dons-hiver' },
      payment_intent_data: { metadata: { guichet_order_id: 'ord_2026_0042', guichet_form_id: 'dons-hiver' } },
      allowed_payment_method_types: ['card'],
      submit_type: 'donate',
    });
  });

  it('sends a monthly donation as a subscription with a recurring price, without the donate button', () => {
    const params = checkoutSessionParams(paymentRequest({ recurring: { interval: 'month' } }), embedded, NOW);
    expect(params.mode).toBe('subscription');
    expect(params.line_items?.[0]?.price_data?.recurring).toEqual({ interval: 'month' });
    expect(params.subscription_data?.metadata).toEqual({
      guichet_order_id: 'ord_2026_0042',
      guichet_form_id: 'dons-hiver',
    });
    expect(params).not.toHaveProperty('submit_type');
    expect(params).not.toHaveProperty('payment_intent_data');
  });

  it('itemises tickets when every line is positive', () => {
    const lines = [
      { kind: 'ticket' as const, label: 'Adulte', unitAmount: 1500, quantity: 2, amount: 3000 },
      { kind: 'ticket' as const, label: 'Enfant', unitAmount: 0, quantity: 1, amount: 0 },
      { kind: 'fee_coverage' as const, label: 'Frais couverts', unitAmount: 90, quantity: 1, amount: 90 },
    ];
    const params = checkoutSessionParams(
      paymentRequest({ kind: 'tickets', lines, total: 3090 }),
      embedded,
      NOW,
    );
    expect(params.line_items?.map((item) => [item.price_data?.product_data?.name, item.quantity])).toEqual([
      ['Adulte', 2],
      ['Frais couverts', 1],
    ]);
    expect(params.submit_type).toBe('book');
  });

  it('sends one line with the total when a discount makes a line negative', () => {
    const lines = [
      { kind: 'ticket' as const, label: 'Adulte', unitAmount: 1500, quantity: 2, amount: 3000 },
      { kind: 'discount' as const, label: 'Code AMIS -10 %', unitAmount: -300, quantity: 1, amount: -300 },
    ];
    const request = paymentRequest({ kind: 'tickets', lines, total: 2700, locale: 'en' });
    expect(checkoutSessionParams(request, embedded, NOW).line_items).toEqual([
      {
        quantity: 1,
        price_data: {
          currency: 'eur',
          unit_amount: 2700,
          product_data: { name: 'Order G-2026-0042', description: '2 × Adulte, Code AMIS -10 %' },
        },
      },
    ]);
  });

  it('offers SEPA Direct Debit only when enabled and the order is in euros', () => {
    const sepa = { uiMode: 'embedded_page' as const, sepa: true };
    expect(checkoutSessionParams(paymentRequest(), sepa, NOW).allowed_payment_method_types).toEqual([
      'card',
      'sepa_debit',
    ]);
    const dollars = paymentRequest({ currency: 'USD' });
    expect(checkoutSessionParams(dollars, sepa, NOW).allowed_payment_method_types).toEqual(['card']);
  });

  it('leaves the button text to Stripe with the Elements UI, which refuses submit_type', () => {
    const params = checkoutSessionParams(paymentRequest(), { uiMode: 'elements', sepa: false }, NOW);
    expect(params.ui_mode).toBe('elements');
    expect(params).not.toHaveProperty('submit_type');
  });

  it('sends a payer without JavaScript to the hosted page, back to the order on success and to the form on cancel', () => {
    const request = paymentRequest({
      flow: 'redirect',
      returnUrl: 'https://asso.example/don?guichet_order=ord_2026_0042&guichet_token=t0k3n',
      cancelUrl: 'https://asso.example/don',
    });
    const params = checkoutSessionParams(request, { uiMode: 'elements', sepa: false }, NOW);
    expect(params).toMatchObject({
      ui_mode: 'hosted_page',
      success_url:
        'https://asso.example/don?guichet_order=ord_2026_0042&guichet_token=t0k3n&session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://asso.example/don',
      submit_type: 'donate',
      client_reference_id: 'ord_2026_0042',
    });
    expect(params).not.toHaveProperty('return_url');
  });

  it('cancels back to the return page when no cancel page is given, and subscribes without a donate button', () => {
    const request = paymentRequest({ flow: 'redirect', recurring: { interval: 'month' } });
    const params = checkoutSessionParams(request, embedded, NOW);
    expect(params).toMatchObject({
      ui_mode: 'hosted_page',
      mode: 'subscription',
      cancel_url: request.returnUrl,
    });
    expect(params).not.toHaveProperty('submit_type');
  });

  it('keeps the widget’s integration when the flow is the widget’s', () => {
    const params = checkoutSessionParams(paymentRequest({ flow: 'widget' }), embedded, NOW);
    expect(params.ui_mode).toBe('embedded_page');
    expect(params).not.toHaveProperty('success_url');
  });

  it('keeps a ticket hold of 45 minutes as the session expiry', () => {
    const hold = new Date(NOW.getTime() + 45 * 60_000);
    expect(checkoutSessionParams(paymentRequest({ expiresAt: hold }), embedded, NOW).expires_at).toBe(
      nowSeconds + 45 * 60,
    );
  });

  it('lengthens a hold shorter than Stripe’s 30 minutes, by half-hours from the hold, so a retry sends the same value', () => {
    const hold = new Date(NOW.getTime() + 15 * 60_000);
    const first = checkoutSessionParams(paymentRequest({ expiresAt: hold }), embedded, NOW).expires_at;
    const retry = checkoutSessionParams(
      paymentRequest({ expiresAt: hold }),
      embedded,
      new Date(NOW.getTime() + 20_000),
    ).expires_at;
    expect(first).toBe(nowSeconds + 45 * 60);
    expect(retry).toBe(first);
  });

  it('leaves holds beyond 24 hours to Stripe’s default expiry', () => {
    const hold = new Date(NOW.getTime() + 48 * 3600_000);
    expect(checkoutSessionParams(paymentRequest({ expiresAt: hold }), embedded, NOW)).not.toHaveProperty(
      'expires_at',
    );
  });

  it('refuses to open a session for an order with nothing to pay', () => {
    expect(() => checkoutSessionParams(paymentRequest({ total: 0 }), embedded, NOW)).toThrow(
      /nothing to pay/,
    );
  });

  it('keeps idempotency keys within Stripe’s 255 characters, stable for the same key', () => {
    const long = 'k'.repeat(300);
    expect(stripeIdempotencyKey('checkout', long).length).toBeLessThanOrEqual(255);
    expect(stripeIdempotencyKey('checkout', long)).toBe(stripeIdempotencyKey('checkout', long));
    expect(stripeIdempotencyKey('checkout', 'order-1')).toBe('guichet-checkout-order-1');
  });
});
