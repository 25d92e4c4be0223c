import { StripeProvider, type ProviderEvent, type StripeSettings } from '../../../src/providers';
import { stripeTarget, stripeTargetKind, type StripeTarget } from '../../../testing/stripe-target';
import {
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../../testing/stripe-emulator/webhook-receiver';

/**
 * The Stripe provider against the emulator (or real Stripe test mode when STRIPE_TEST_SECRET_KEY is set, see
 * testing/stripe-target.ts), with a webhook receiver whose deliveries go through the provider's own
 * verification and mapping, exactly as the host's webhook route would.
 */

export const WEBHOOK_SECRET = 'whsec_test_guichet_providers';
export const PUBLISHABLE_KEY = process.env.STRIPE_TEST_PUBLISHABLE_KEY ?? 'pk_test_guichet_providers';
export const live = stripeTargetKind() === 'live';
/** For tests that need emulator controls (paying, settling, renewing): skipped against real Stripe. */
export const emulatorOnly = live ? it.skip : it;

export interface ProviderHarness {
  target: StripeTarget;
  provider: StripeProvider;
  /** Another provider on the same account, with other settings (SEPA, Elements…). */
  providerWith(settings: Partial<StripeSettings>): StripeProvider;
  /** Every webhook received so far, verified and mapped by the provider, in delivery order. */
  events(): ProviderEvent[];
  /** Stripe event types received so far, to tell "ignored" from "never sent". */
  stripeTypes(): string[];
  close(): Promise<void>;
}

export async function startProviderHarness(): Promise<ProviderHarness> {
  const receiver: WebhookReceiver | null = live ? null : await startWebhookReceiver();
  const target = await stripeTarget(
    receiver === null ? {} : { webhookUrl: receiver.url, webhookSecret: WEBHOOK_SECRET },
  );
  const base: StripeSettings = {
    secretKey: target.apiKey,
    publishableKey: PUBLISHABLE_KEY,
    webhookSecret: WEBHOOK_SECRET,
    ...(target.emulator === null ? {} : { apiBase: target.emulator.url }),
  };
  const providerWith = (settings: Partial<StripeSettings>) =>
    new StripeProvider({ ...base, ...settings }, { maxNetworkRetries: 0 });
  const provider = providerWith({});
  const deliveries = () => receiver?.received ?? [];
  return {
    target,
    provider,
    providerWith,
    events: () =>
      deliveries().flatMap((delivery) =>
        provider.receiveWebhook(Buffer.from(delivery.rawBody, 'utf8'), delivery.headers, new Date()),
      ),
    stripeTypes: () =>
      deliveries().map((delivery) => (JSON.parse(delivery.rawBody) as { type: string }).type),
    close: async () => {
      await target.close();
      await receiver?.close();
    },
  };
}
