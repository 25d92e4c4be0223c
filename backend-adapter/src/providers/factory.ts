import type { ProviderId } from '../protocol';
import type { ProviderSettings } from './settings';
import type { PaymentProvider } from './types';

/** What a host gives every provider it creates, besides the site's settings. */
export interface ProviderDeps {
  /** Absolute URL where the widget posts a simulated card for this order (the host knows its own base). */
  confirmUrl(orderId: string): string;
  /** The host's clock, for the few provider calls the interface gives no `now` (refunds). Default: system time. */
  now?: () => Date;
  /** Stripe SDK tuning: `maxNetworkRetries: 0` in tests, so a failure shows at once. */
  stripe?: { maxNetworkRetries?: number; timeoutMs?: number };
}

/**
 * One payment provider, as the registry knows it. `create` answers null when the site has not configured
 * this provider (no keys, simulation disabled…), and throws ProviderConfigError when it is configured wrongly.
 */
export interface ProviderFactory {
  readonly id: ProviderId;
  create(settings: ProviderSettings, deps: ProviderDeps): PaymentProvider | null;
}
