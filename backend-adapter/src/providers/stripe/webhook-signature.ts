import type Stripe from 'stripe';
import { WebhookPayloadError, WebhookSignatureError } from '../types';
import { checkSignature, DEFAULT_TOLERANCE_SECONDS, headerValue } from '../shared/signed-header';

export const STRIPE_SIGNATURE_HEADER = 'Stripe-Signature';

/**
 * Verifies `Stripe-Signature` on the raw body, then — only then — parses it. The checks and their order are
 * those of tests/vectors/stripe-webhook-signatures.json, shared with the PHP adapter: see shared/signed-header.
 */
export function verifyStripeWebhook(
  rawBody: Buffer,
  headers: Record<string, string | string[] | undefined>,
  secret: string,
  now: Date,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): Stripe.Event {
  const check = checkSignature(
    rawBody,
    headerValue(headers, STRIPE_SIGNATURE_HEADER),
    secret,
    now,
    toleranceSeconds,
  );
  if (!check.ok) throw new WebhookSignatureError(`Stripe webhook rejected: ${check.reason}`);
  let event: unknown;
  try {
    event = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new WebhookPayloadError('Stripe webhook body is not JSON');
  }
  if (!isEvent(event)) throw new WebhookPayloadError('Stripe webhook body is not an event');
  return event;
}

function isEvent(value: unknown): value is Stripe.Event {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  const data = event.data as Record<string, unknown> | undefined;
  return (
    event.object === 'event' &&
    typeof event.id === 'string' &&
    typeof event.type === 'string' &&
    typeof event.created === 'number' &&
    typeof data === 'object' &&
    data !== null &&
    typeof data.object === 'object' &&
    data.object !== null
  );
}
