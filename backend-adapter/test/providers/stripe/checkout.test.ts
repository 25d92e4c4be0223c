import { ProviderError, type PaymentRequest, type ProviderCommand } from '../../../src/providers';
import { paymentRequest } from '../fixtures';
import { emulatorOnly, PUBLISHABLE_KEY, startProviderHarness, type ProviderHarness } from './harness';

let h: ProviderHarness;
beforeAll(async () => {
  h = await startProviderHarness();
});
afterAll(() => h.close());

const ctx = { now: () => new Date() };
let counter = 0;
/** A fresh order each time: ids and idempotency keys must not collide across tests or runs on real Stripe. */
function order(overrides: Partial<PaymentRequest> = {}): PaymentRequest {
  const orderId = `ord_${Date.now().toString(36)}_${(counter += 1)}`;
  return paymentRequest({ orderId, idempotencyKey: `order-${orderId}`, ...overrides });
}

function confirmStep(command: ProviderCommand) {
  if (command.type !== 'next' || command.next.type !== 'confirm' || command.next.provider !== 'stripe') {
    throw new Error(`expected a Stripe confirm step, got ${JSON.stringify(command)}`);
  }
  return { ...command.next, providerRef: command.providerRef, expiresAt: command.expiresAt };
}

describe('Stripe provider: checkout sessions through the official SDK', () => {
  it('opens an embedded one-off session that names the order, and hands the widget only public values', async () => {
    const request = order();
    const step = confirmStep(await h.provider.startPayment(request, ctx));
    expect(step).toMatchObject({ uiMode: 'embedded_page', publishableKey: PUBLISHABLE_KEY });
    expect(step.clientSecret).toMatch(/^cs_test_/);

    const session = await h.target.stripe.checkout.sessions.retrieve(step.providerRef);
    expect(session).toMatchObject({
      mode: 'payment',
      ui_mode: 'embedded_page',
      status: 'open',
      amount_total: 2500,
      currency: 'eur',
      client_reference_id: request.orderId,
      metadata: { guichet_order_id: request.orderId, guichet_form_id: 'dons-hiver' },
      submit_type: 'donate',
    });
    expect(session.return_url).toBe(`${request.returnUrl}&session_id={CHECKOUT_SESSION_ID}`);
    expect(step.expiresAt?.getTime()).toBe(session.expires_at * 1000);
  });

  it('opens the same session when the same order is started twice', async () => {
    const request = order();
    const first = confirmStep(await h.provider.startPayment(request, ctx));
    const again = confirmStep(await h.provider.startPayment(request, ctx));
    expect(again.providerRef).toBe(first.providerRef);
    expect(again.clientSecret).toBe(first.clientSecret);
  });

  it('refuses to reuse an order’s key for a different amount', async () => {
    const request = order();
    await h.provider.startPayment(request, ctx);
    await expect(h.provider.startPayment({ ...request, total: 3000, lines: [] }, ctx)).rejects.toMatchObject({
      code: 'idempotency_conflict',
    });
  });

  it('opens a subscription session for a monthly donation', async () => {
    const step = confirmStep(await h.provider.startPayment(order({ recurring: { interval: 'month' } }), ctx));
    const session = await h.target.stripe.checkout.sessions.retrieve(step.providerRef);
    expect(session).toMatchObject({ mode: 'subscription', amount_total: 2500, submit_type: null });
  });

  it('opens an Elements session when the site uses the Elements UI', async () => {
    const provider = h.providerWith({ uiMode: 'elements' });
    const step = confirmStep(await provider.startPayment(order(), ctx));
    expect(step.uiMode).toBe('elements');
    const session = await h.target.stripe.checkout.sessions.retrieve(step.providerRef);
    expect(session.ui_mode).toBe('elements');
  });

  it('offers SEPA Direct Debit beside cards on euro orders when the site enabled it', async () => {
    const step = confirmStep(await h.providerWith({ sepa: true }).startPayment(order(), ctx));
    const session = await h.target.stripe.checkout.sessions.retrieve(step.providerRef);
    expect(session.payment_method_types).toEqual(['card', 'sepa_debit']);
  });

  it('ends the session with the ticket hold, and reports the expiry it really got', async () => {
    const hold = new Date(Date.now() + 45 * 60_000);
    const step = confirmStep(await h.provider.startPayment(order({ kind: 'tickets', expiresAt: hold }), ctx));
    expect(step.expiresAt?.getTime()).toBe(Math.floor(hold.getTime() / 1000) * 1000);
  });

  emulatorOnly('reports a rejected key as a provider error without quoting it', async () => {
    const wrongKey = 'sk_test_not_a_key_of_this_emulator_123';
    const provider = h.providerWith({ secretKey: wrongKey });
    const failure = await provider.startPayment(order(), ctx).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProviderError);
    expect(failure).toMatchObject({ code: 'provider_error', retryable: false });
    expect(String((failure as Error).message)).not.toContain(wrongKey);
  });
});

function redirectStep(command: ProviderCommand) {
  if (command.type !== 'next' || command.next.type !== 'redirect') {
    throw new Error(`expected a redirect, got ${JSON.stringify(command)}`);
  }
  return { url: command.next.url, providerRef: command.providerRef, expiresAt: command.expiresAt };
}

/** What a browser without JavaScript does on the hosted page: press one of its buttons, read where it goes. */
async function press(url: string, action: 'card' | 'cancel'): Promise<string> {
  const answer = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `action=${action}`,
    redirect: 'manual',
  });
  expect(answer.status).toBe(303);
  return answer.headers.get('location') ?? '';
}

describe('Stripe provider: a payer without JavaScript', () => {
  const back = 'https://asso.example/don?guichet_order=ORDER&guichet_token=TOKEN';

  it('gets Stripe’s hosted page, whatever integration the site uses for its widgets', async () => {
    const request = order({ flow: 'redirect', returnUrl: back, cancelUrl: 'https://asso.example/don' });
    const step = redirectStep(await h.providerWith({ uiMode: 'elements' }).startPayment(request, ctx));
    const session = await h.target.stripe.checkout.sessions.retrieve(step.providerRef);
    expect(session).toMatchObject({
      ui_mode: 'hosted_page',
      url: step.url,
      client_secret: null,
      success_url: `${back}&session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: 'https://asso.example/don',
      client_reference_id: request.orderId,
      submit_type: 'donate',
    });
    expect(step.expiresAt?.getTime()).toBe(session.expires_at * 1000);
    const again = redirectStep(await h.providerWith({ uiMode: 'elements' }).startPayment(request, ctx));
    expect(again).toEqual(step);
  });

  emulatorOnly(
    'pays there, comes back to the order, and the payment reaches the site as a signed event',
    async () => {
      const request = order({ flow: 'redirect', returnUrl: back, cancelUrl: 'https://asso.example/don' });
      const step = redirectStep(await h.provider.startPayment(request, ctx));
      const page = await fetch(step.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('25.00 EUR');

      expect(await press(step.url, 'card')).toBe(`${back}&session_id=${step.providerRef}`);
      expect(h.events()).toContainEqual(
        expect.objectContaining({
          type: 'payment_succeeded',
          providerRef: step.providerRef,
          orderId: request.orderId,
        }),
      );
    },
  );

  emulatorOnly('goes back to the form when leaving the hosted page, and nothing is paid', async () => {
    const request = order({ flow: 'redirect', returnUrl: back, cancelUrl: 'https://asso.example/don' });
    const step = redirectStep(await h.provider.startPayment(request, ctx));
    expect(await press(step.url, 'cancel')).toBe('https://asso.example/don');
    expect(h.events().filter((event) => event.providerRef === step.providerRef)).toEqual([]);
    const session = await h.target.stripe.checkout.sessions.retrieve(step.providerRef);
    expect(session).toMatchObject({ status: 'open', payment_status: 'unpaid' });
  });
});
