import Stripe from 'stripe';

/**
 * The official SDK, pinned to the API version its types were generated for: the code below reads fields by
 * those types, so an SDK bump that moves the API version fails `tsc` here first (then run the live test-mode
 * suite once, see docs/testing).
 */
export const STRIPE_API_VERSION = '2026-10-28.endive' satisfies Stripe.LatestApiVersion;

export interface StripeClientOptions {
  secretKey: string;
  /** e.g. `http://127.0.0.1:12111` for the emulator; absent: Stripe's own API. */
  apiBase?: string;
  /** The SDK retries failed requests with the same idempotency key; 0 in tests so a failure shows at once. */
  maxNetworkRetries?: number;
  timeoutMs?: number;
}

export function createStripeClient(options: StripeClientOptions): Stripe {
  const config: Stripe.StripeConfig = {
    apiVersion: STRIPE_API_VERSION,
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    timeout: options.timeoutMs ?? 30_000,
    telemetry: false,
    appInfo: { name: 'Guichet' },
  };
  if (options.apiBase !== undefined) {
    const base = new URL(options.apiBase);
    config.protocol = base.protocol === 'http:' ? 'http' : 'https';
    config.host = base.hostname;
    if (base.port !== '') config.port = Number(base.port);
  }
  return new Stripe(options.secretKey, config);
}
