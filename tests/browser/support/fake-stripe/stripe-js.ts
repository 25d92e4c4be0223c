/**
 * A stand-in for https://js.stripe.com/<train>/stripe.js, run in the browser under test. It implements only
 * what the widgets call — `createEmbeddedCheckoutPage` and `initCheckoutElementsSdk` (with
 * `createPaymentElement`, `loadActions().confirm`) — typed against @stripe/stripe-js, and drives the Stripe
 * emulator's `/_emulator/*` controls the way Stripe's own servers would react to a payer. Its UI is plain,
 * accessible HTML in place of Stripe's iframes. Test cards: 4242… pays, 4000 0000 0000 0002 is declined.
 */
import type {
  Stripe,
  StripeConstructor,
  StripeCheckoutConfirmResult,
  StripeCheckoutElementsSdk,
  StripeCheckoutElementsSdkOptions,
  StripeCheckoutLoadActionsResult,
  StripeEmbeddedCheckout,
  StripeEmbeddedCheckoutOptions,
  StripePaymentElement,
} from '@stripe/stripe-js';

declare global {
  interface Window {
    /** Set by the served script's prelude: where the emulator listens. */
    __GUICHET_STRIPE_EMULATOR__: string;
  }
}

/** The part of a Checkout Session the fake needs, as `/_emulator/client_secrets/:secret` returns it. */
interface SessionView {
  id: string;
  status: 'open' | 'complete' | 'expired';
  amount_total: number | null;
  currency: string | null;
  return_url: string | null;
  redirect_on_completion: 'always' | 'if_required' | 'never' | null;
}

const DECLINED = '4000000000000002';

async function control<T>(path: string, body?: Record<string, string>): Promise<T> {
  const response = await fetch(window.__GUICHET_STRIPE_EMULATOR__ + path, {
    method: body ? 'POST' : 'GET',
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await response.json()) as T & { error?: { message: string } };
  if (!response.ok) throw new Error(json.error?.message ?? `emulator answered ${response.status}`);
  return json;
}

const sessionOf = (clientSecret: string) =>
  control<SessionView>(`/_emulator/client_secrets/${encodeURIComponent(clientSecret)}`);

/** Declines or pays the session, as Stripe would once the payer submits a card. */
async function pay(session: SessionView, card: string): Promise<'paid' | 'declined'> {
  if (card.replace(/\s/g, '') === DECLINED) {
    await control(`/_emulator/checkout/sessions/${session.id}/fail`, { decline_code: 'card_declined' });
    return 'declined';
  }
  await control(`/_emulator/checkout/sessions/${session.id}/complete`, { payment_method: 'card' });
  return 'paid';
}

let fields = 0;
/** A labelled card field, the fake's counterpart of Stripe's card iframe. */
function cardField(): { wrapper: HTMLElement; input: HTMLInputElement } {
  const id = `fake-stripe-card-${++fields}`;
  const wrapper = document.createElement('div');
  wrapper.className = 'fake-stripe-field';
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = 'Numéro de carte (Stripe de test)';
  const input = document.createElement('input');
  input.id = id;
  input.inputMode = 'numeric';
  input.autocomplete = 'cc-number';
  input.dataset.testid = 'stripe-card';
  wrapper.append(label, input);
  return { wrapper, input };
}

function target(location: string | HTMLElement): HTMLElement {
  const element = typeof location === 'string' ? document.querySelector<HTMLElement>(location) : location;
  if (!element) throw new Error(`fake Stripe.js: nothing to mount on at ${String(location)}`);
  return element;
}

/** Stripe's embedded Checkout page: an amount, a card field, a pay button; then onComplete or the return URL. */
async function createEmbeddedCheckoutPage(
  options: StripeEmbeddedCheckoutOptions,
): Promise<StripeEmbeddedCheckout> {
  const clientSecret = options.clientSecret ?? (await options.fetchClientSecret?.());
  if (!clientSecret) throw new Error('fake Stripe.js: no client secret');
  const session = await sessionOf(clientSecret);
  const root = document.createElement('div');
  root.className = 'fake-stripe-embedded';
  root.dataset.testid = 'stripe-embedded';
  const amount = document.createElement('p');
  amount.textContent = `Stripe Checkout (test) : ${((session.amount_total ?? 0) / 100).toFixed(2)} ${session.currency?.toUpperCase() ?? ''}`;
  const { wrapper, input } = cardField();
  const alert = document.createElement('p');
  alert.setAttribute('role', 'alert');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Payer (Stripe de test)';
  button.dataset.testid = 'stripe-pay';
  button.addEventListener('click', async () => {
    alert.textContent = '';
    if ((await pay(session, input.value)) === 'declined') {
      alert.textContent = 'Votre carte a été refusée.';
      return;
    }
    if (session.redirect_on_completion === 'never' && options.onComplete) options.onComplete();
    else if (session.return_url)
      location.assign(session.return_url.replace('{CHECKOUT_SESSION_ID}', session.id));
  });
  root.append(amount, wrapper, button, alert);
  return {
    mount: (location) => target(location).append(root),
    unmount: () => root.remove(),
    destroy: () => root.remove(),
  };
}

/** Checkout with Elements: the Payment Element is the card field; confirm() pays through the emulator. */
function initCheckoutElementsSdk(options: StripeCheckoutElementsSdkOptions): StripeCheckoutElementsSdk {
  const card = cardField();
  const secret = Promise.resolve(options.clientSecret);
  const paymentElement = { mount: (location: string | HTMLElement) => target(location).append(card.wrapper) };
  const confirm = async (): Promise<StripeCheckoutConfirmResult> => {
    const session = await sessionOf(await secret);
    if ((await pay(session, card.input.value)) === 'declined') {
      return {
        type: 'error',
        error: {
          message: 'Votre carte a été refusée.',
          code: 'paymentFailed',
          paymentFailed: { declineCode: 'card_declined' },
        },
      };
    }
    return { type: 'success', session: {} as never };
  };
  const sdk: Partial<StripeCheckoutElementsSdk> = {
    createPaymentElement: () => paymentElement as unknown as StripePaymentElement,
    loadActions: async () =>
      ({ type: 'success', actions: { confirm } }) as unknown as StripeCheckoutLoadActionsResult,
  };
  return sdk as StripeCheckoutElementsSdk;
}

function FakeStripe(publishableKey: string): Stripe {
  if (!/^pk_test_/.test(publishableKey))
    throw new Error('fake Stripe.js: a test publishable key is expected');
  const stripe: Partial<Stripe> = { createEmbeddedCheckoutPage, initCheckoutElementsSdk };
  return stripe as Stripe;
}
// The loader warns when the version is not its release train.
FakeStripe.version = 'endive';

window.Stripe = FakeStripe as unknown as StripeConstructor;
