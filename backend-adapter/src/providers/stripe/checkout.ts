import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import type { FormKind } from '../../protocol';
import type { StripeUiMode } from '../settings';
import { ProviderError, type PaymentRequest } from '../types';
import { lineItems } from './line-items';

/** Metadata keys Guichet writes on every Stripe object it creates, and reads back from events. */
export const METADATA_ORDER_ID = 'guichet_order_id';
export const METADATA_FORM_ID = 'guichet_form_id';

export interface CheckoutOptions {
  /** The site's choice for its widgets; a payer without JavaScript gets the hosted page whatever it is. */
  uiMode: StripeUiMode;
  sepa: boolean;
}

export type CheckoutUiMode = StripeUiMode | 'hosted_page';

/** The Checkout integration for this request: Stripe's own page when no script runs in the payer's browser. */
export function checkoutUiMode(request: PaymentRequest, options: CheckoutOptions): CheckoutUiMode {
  return request.flow === 'redirect' ? 'hosted_page' : options.uiMode;
}

/** Stripe accepts an expiry between 30 minutes and 24 hours ahead; a minute of margin covers the request's own time. */
const MIN_EXPIRY_SECONDS = 31 * 60;
const MAX_EXPIRY_SECONDS = 24 * 60 * 60 - 60;
const HALF_HOUR = 30 * 60;

const SUBMIT_TYPE: Record<FormKind, Stripe.Checkout.SessionCreateParams.SubmitType> = {
  donation: 'donate',
  membership: 'pay',
  tickets: 'book',
};

/**
 * `expires_at` for a ticket hold. A hold shorter than Stripe's minimum is lengthened by whole half-hours counted
 * from the hold itself, not from now, so a retry a few seconds later sends the same parameters (Stripe refuses
 * an idempotency key reused with different ones); the host learns the real expiry from the command and keeps
 * its seats that long. Beyond 24 hours Stripe's default (24 hours) applies.
 */
function expiresAt(request: PaymentRequest, now: Date): number | undefined {
  if (request.expiresAt === undefined) return undefined;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const wanted = Math.floor(request.expiresAt.getTime() / 1000);
  if (wanted > nowSeconds + MAX_EXPIRY_SECONDS) return undefined;
  const shortBy = nowSeconds + MIN_EXPIRY_SECONDS - wanted;
  return shortBy <= 0 ? wanted : wanted + Math.ceil(shortBy / HALF_HOUR) * HALF_HOUR;
}

/** Stripe replaces the literal `{CHECKOUT_SESSION_ID}`, so it must not be URL-encoded. */
function withSessionId(returnUrl: string): string {
  const [base, fragment] = returnUrl.split('#', 2) as [string, string | undefined];
  const joined = `${base}${base.includes('?') ? '&' : '?'}session_id={CHECKOUT_SESSION_ID}`;
  return fragment === undefined ? joined : `${joined}#${fragment}`;
}

/**
 * The hosted page sends the payer to `success_url` once paid and to `cancel_url` on "back"; the embedded page
 * and Elements know one `return_url` (Stripe refuses the other pair with each).
 */
function returnUrls(
  request: PaymentRequest,
  uiMode: CheckoutUiMode,
): Pick<Stripe.Checkout.SessionCreateParams, 'return_url' | 'success_url' | 'cancel_url'> {
  if (uiMode !== 'hosted_page') return { return_url: withSessionId(request.returnUrl) };
  return {
    success_url: withSessionId(request.returnUrl),
    cancel_url: request.cancelUrl ?? request.returnUrl,
  };
}

/** Stripe keys are at most 255 characters; a longer key is hashed, which keeps it stable. */
export function stripeIdempotencyKey(operation: string, key: string): string {
  const full = `guichet-${operation}-${key}`;
  return full.length <= 255 ? full : `guichet-${operation}-${createHash('sha256').update(key).digest('hex')}`;
}

export function checkoutSessionParams(
  request: PaymentRequest,
  options: CheckoutOptions,
  now: Date,
): Stripe.Checkout.SessionCreateParams {
  if (request.total <= 0) {
    throw new ProviderError('bad_request', `Order ${request.orderId} has nothing to pay through Stripe.`);
  }
  const metadata = { [METADATA_ORDER_ID]: request.orderId, [METADATA_FORM_ID]: request.formId };
  const subscription = request.recurring !== undefined;
  const sepa = options.sepa && request.currency === 'EUR';
  const expiry = expiresAt(request, now);
  const uiMode = checkoutUiMode(request, options);
  return {
    mode: subscription ? 'subscription' : 'payment',
    ui_mode: uiMode,
    line_items: lineItems(request),
    ...returnUrls(request, uiMode),
    client_reference_id: request.orderId,
    customer_email: request.payer.email,
    locale: request.locale,
    metadata,
    allowed_payment_method_types: sepa ? ['card', 'sepa_debit'] : ['card'],
    // Copied onto the payment intent or subscription, so refunds, disputes and renewals name the order too.
    ...(subscription ? { subscription_data: { metadata } } : { payment_intent_data: { metadata } }),
    // Stripe shows "Donate" / "Book" on the button; not allowed for subscriptions nor with the Elements UI.
    ...(!subscription && uiMode !== 'elements' ? { submit_type: SUBMIT_TYPE[request.kind] } : {}),
    ...(expiry === undefined ? {} : { expires_at: expiry }),
  };
}

export async function createCheckoutSession(
  stripe: Stripe,
  request: PaymentRequest,
  options: CheckoutOptions,
  now: Date,
): Promise<Stripe.Checkout.Session> {
  return stripe.checkout.sessions.create(checkoutSessionParams(request, options, now), {
    idempotencyKey: stripeIdempotencyKey('checkout', request.idempotencyKey),
  });
}
