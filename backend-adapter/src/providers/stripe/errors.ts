import Stripe from 'stripe';
import { ProviderError } from '../types';
import { redact } from '../shared/redact';

/**
 * Turns whatever the SDK threw into a ProviderError the host can answer with. Stripe's own message is kept
 * (redacted) for the treasurer's logs; the payer only ever sees the protocol code's catalogue message.
 */
export function toProviderError(error: unknown, secrets: readonly string[]): ProviderError {
  if (error instanceof ProviderError) return error;
  if (!(error instanceof Stripe.errors.StripeError)) {
    const message = error instanceof Error ? error.message : String(error);
    return new ProviderError('provider_error', redact(`Stripe call failed: ${message}`, secrets), {
      retryable: true,
    });
  }
  const message = redact(`Stripe ${error.type}: ${error.message}`, secrets);
  const base = { providerCode: error.decline_code ?? error.code ?? error.type, requestId: error.requestId };
  if (error instanceof Stripe.errors.StripeCardError)
    return new ProviderError('payment_declined', message, base);
  if (error instanceof Stripe.errors.StripeIdempotencyError) {
    return new ProviderError('idempotency_conflict', message, base);
  }
  const retryable =
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError;
  return new ProviderError('provider_error', message, { ...base, retryable });
}
