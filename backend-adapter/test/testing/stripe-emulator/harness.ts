/** Shared set-up for the emulator-only suites: an emulator, an SDK client and a webhook receiver. */
import Stripe from 'stripe';
import {
  startStripeEmulator,
  type StripeEmulator,
  type StripeEmulatorOptions,
} from '../../../testing/stripe-emulator';
import {
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../../testing/stripe-emulator/webhook-receiver';

export const WEBHOOK_SECRET = 'whsec_test_guichet_suite';
export const API_KEY = 'sk_test_guichet_suite';

export interface Harness {
  emulator: StripeEmulator;
  stripe: Stripe;
  receiver: WebhookReceiver;
  /** Verifies a received delivery with the official SDK, as an adapter would. */
  verified(index: number): Stripe.Event;
  close(): Promise<void>;
}

export async function startHarness(options: StripeEmulatorOptions = {}): Promise<Harness> {
  const receiver = await startWebhookReceiver();
  const emulator = await startStripeEmulator({
    webhookUrl: receiver.url,
    webhookSecret: WEBHOOK_SECRET,
    ...options,
  });
  const stripe = new Stripe(API_KEY, { ...emulator.sdkConfig, maxNetworkRetries: 0 });
  return {
    emulator,
    stripe,
    receiver,
    verified: (index) => {
      const delivery = receiver.received[index];
      if (delivery === undefined) throw new Error(`no delivery #${index}`);
      return stripe.webhooks.constructEvent(delivery.rawBody, delivery.signature ?? '', WEBHOOK_SECRET);
    },
    close: async () => {
      await emulator.close();
      await receiver.close();
    },
  };
}

export function types(events: { event: Stripe.Event }[]): string[] {
  return events.map((e) => e.event.type);
}

/** POSTs to a `/_emulator/*` control over HTTP, as a PHP test or a browser would. */
export async function control(
  emulator: StripeEmulator,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown; headers: Headers }> {
  const response = await fetch(`${emulator.url}/_emulator/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json(), headers: response.headers };
}

export const donation = (
  amount: number,
  name = 'Don libre',
): Stripe.Checkout.SessionCreateParams.LineItem => ({
  quantity: 1,
  price_data: { currency: 'eur', unit_amount: amount, product_data: { name } },
});

export const monthly = (amount: number): Stripe.Checkout.SessionCreateParams.LineItem => ({
  quantity: 1,
  price_data: {
    currency: 'eur',
    unit_amount: amount,
    recurring: { interval: 'month' },
    product_data: { name: 'Don mensuel' },
  },
});
