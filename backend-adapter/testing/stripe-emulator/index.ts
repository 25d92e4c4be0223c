/**
 * Entry point: `startStripeEmulator()` starts a stateful, in-memory Stripe API for tests and returns a
 * handle. Point the official SDK at it with `new Stripe(key, { ...emulator.sdkConfig, maxNetworkRetries: 0 })`.
 */
import type { ApiDeps } from './api';
import { API_VERSION } from './api-version';
import { createClock } from './clock';
import type { EmulatorContext } from './context';
import * as actions from './control-actions';
import { EventPublisher, type LoggedEvent } from './events';
import { IdempotencyStore } from './idempotency';
import { RequestLog, type RequestLogEntry } from './request-log';
import { apiRoutes } from './routes';
import { listen } from './server';
import { accountIdFor, Store } from './store';
import {
  DEFAULT_WEBHOOK_SECRET,
  WebhookDispatcher,
  type DeliveryRecord,
  type WebhookEndpoint,
} from './webhooks';

export { API_VERSION } from './api-version';
export { encodeFormBody, parseFormBody } from './form-body';
export { signatureHeader, computeSignature } from './webhook-signing';
export { DEFAULT_WEBHOOK_SECRET } from './webhooks';
export type { ControlResult } from './control-actions';
export type { CompleteOptions } from './flows/checkout';
export type { RenewalOutcome } from './flows/subscriptions';
export type { DeliveryRecord, WebhookEndpoint } from './webhooks';
export type { LoggedEvent } from './events';
export type { RequestLogEntry } from './request-log';

export interface StripeEmulatorOptions {
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port chosen by the OS. */
  port?: number;
  /** Where to POST signed events; none by default (events are still recorded and listed). */
  webhookUrl?: string;
  /** Signing secret; default `whsec_test_guichet_emulator`. */
  webhookSecret?: string;
  /** Event types to deliver; default all. */
  enabledEvents?: string[];
  /** Accept only these API keys; default any `sk_test_…`/`rk_test_…` key (each key is its own account). */
  apiKeys?: string[];
  /** Reject a Stripe-Version header other than the SDK's pinned version; default true. */
  strictApiVersion?: boolean;
  /** Source of "now" in unix seconds for object timestamps; default the system clock. */
  now?: () => number;
}

type Bound<F> = F extends (ctx: EmulatorContext, ...args: infer A) => infer R ? (...args: A) => R : never;

export interface StripeEmulatorControls {
  completeCheckoutSession: Bound<typeof actions.completeCheckoutSession>;
  failCheckoutSession: Bound<typeof actions.failCheckoutSession>;
  expireCheckoutSession: Bound<typeof actions.expireCheckoutSession>;
  settleCheckoutSession: Bound<typeof actions.settleCheckoutSession>;
  failCheckoutSessionSettlement: Bound<typeof actions.failCheckoutSessionSettlement>;
  attemptPaymentIntent: Bound<typeof actions.attemptPaymentIntent>;
  settlePaymentIntent: Bound<typeof actions.settlePaymentIntent>;
  failPaymentIntentSettlement: Bound<typeof actions.failPaymentIntentSettlement>;
  attemptSetupIntent: Bound<typeof actions.attemptSetupIntent>;
  renewSubscription: Bound<typeof actions.renewSubscriptionNow>;
  advanceClock: Bound<typeof actions.advanceClock>;
  redeliverEvent: Bound<typeof actions.redeliverEvent>;
  findByClientSecret: Bound<typeof actions.findByClientSecret>;
}

export interface StripeEmulator {
  /** `http://127.0.0.1:<port>` */
  url: string;
  host: string;
  port: number;
  apiVersion: typeof API_VERSION;
  /** Spread into the SDK config: `{ host, port, protocol: 'http' }`. */
  sdkConfig: { host: string; port: number; protocol: 'http' };
  /** The default endpoint's signing secret. */
  readonly webhookSecret: string;
  /** Changes the default endpoint, or one account's (see `accountIdFor`). */
  setWebhook(update: Partial<WebhookEndpoint>, account?: string): WebhookEndpoint;
  /** Every event of every account, oldest first. */
  events(): LoggedEvent[];
  deliveries(): DeliveryRecord[];
  requests(): RequestLogEntry[];
  /** Resolves when every webhook delivery scheduled so far has finished. */
  idle(): Promise<void>;
  controls: StripeEmulatorControls;
  /** The emulated account id (`acct_emu…`) an API key maps to. */
  accountIdFor(apiKey: string): string;
  /** Forgets all objects, events, deliveries, requests, idempotency keys and clock offset; keeps webhook endpoints. */
  reset(): void;
  close(): Promise<void>;
}

export async function startStripeEmulator(options: StripeEmulatorOptions = {}): Promise<StripeEmulator> {
  const clock = createClock(options.now);
  const store = new Store();
  const webhooks = new WebhookDispatcher({
    url: options.webhookUrl ?? null,
    secret: options.webhookSecret ?? DEFAULT_WEBHOOK_SECRET,
    enabledEvents: options.enabledEvents ?? ['*'],
  });
  const events = new EventPublisher(store, clock, webhooks);
  let baseUrl = '';
  const ctx: EmulatorContext = { store, clock, events, webhooks, baseUrl: () => baseUrl };
  const idempotency = new IdempotencyStore(() => clock.now());
  const requests = new RequestLog();
  const reset = (): void => {
    store.reset();
    events.reset();
    webhooks.reset();
    idempotency.reset();
    requests.reset();
    clock.reset();
  };
  const api: ApiDeps = {
    ctx,
    routes: apiRoutes,
    idempotency,
    requests,
    options: { apiKeys: options.apiKeys, strictApiVersion: options.strictApiVersion ?? true },
  };
  const listening = await listen(
    { api, controls: { ctx, requests, reset } },
    options.host ?? '127.0.0.1',
    options.port ?? 0,
  );
  baseUrl = listening.url;
  return {
    url: listening.url,
    host: listening.host,
    port: listening.port,
    apiVersion: API_VERSION,
    sdkConfig: { host: listening.host, port: listening.port, protocol: 'http' },
    get webhookSecret() {
      return webhooks.endpointFor('').secret;
    },
    setWebhook: (update, account) => webhooks.configure(update, account),
    events: () => events.all(),
    deliveries: () => webhooks.deliveries(),
    requests: () => requests.all(),
    idle: () => webhooks.idle(),
    controls: {
      completeCheckoutSession: (...args) => actions.completeCheckoutSession(ctx, ...args),
      failCheckoutSession: (...args) => actions.failCheckoutSession(ctx, ...args),
      expireCheckoutSession: (...args) => actions.expireCheckoutSession(ctx, ...args),
      settleCheckoutSession: (...args) => actions.settleCheckoutSession(ctx, ...args),
      failCheckoutSessionSettlement: (...args) => actions.failCheckoutSessionSettlement(ctx, ...args),
      attemptPaymentIntent: (...args) => actions.attemptPaymentIntent(ctx, ...args),
      settlePaymentIntent: (...args) => actions.settlePaymentIntent(ctx, ...args),
      failPaymentIntentSettlement: (...args) => actions.failPaymentIntentSettlement(ctx, ...args),
      attemptSetupIntent: (...args) => actions.attemptSetupIntent(ctx, ...args),
      renewSubscription: (...args) => actions.renewSubscriptionNow(ctx, ...args),
      advanceClock: (...args) => actions.advanceClock(ctx, ...args),
      redeliverEvent: (...args) => actions.redeliverEvent(ctx, ...args),
      findByClientSecret: (...args) => actions.findByClientSecret(ctx, ...args),
    },
    accountIdFor,
    reset,
    close: async () => {
      await webhooks.idle();
      await listening.close();
    },
  };
}
