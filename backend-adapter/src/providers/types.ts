import type {
  FormKind,
  Locale,
  NextAction,
  OfflineInstructions,
  OrderLine,
  Payer,
  PaymentFlow,
  ProviderId,
  PublicPaymentMethod,
} from '../protocol';
import type { Static } from '@sinclair/typebox';

/**
 * The payment-provider extension point (pretix's BasePaymentProvider / GiveWP's gateway commands in spirit).
 * A provider never writes storage: it answers with a command or with normalised events, and the adapter applies
 * them through the payment state machine, each event once. Capabilities beyond taking a payment are separate
 * optional interfaces, so a provider implements only what it can do.
 */

/** What a provider needs to know about the order it is asked to charge. Amounts were recomputed by the server. */
export interface PaymentRequest {
  orderId: string;
  formId: string;
  kind: FormKind;
  currency: string;
  total: number;
  lines: OrderLine[];
  recurring?: { interval: 'month' | 'year' };
  payer: Payer;
  locale: Locale;
  /** Where the payer comes back after a hosted page or a redirect (the host adds the order id and token). */
  returnUrl: string;
  /**
   * 'redirect' when no script runs in the payer's browser: a provider with a hosted payment page answers a
   * `redirect` to it; one without answers as for the widget and the host renders the step. Absent: 'widget'.
   */
  flow?: PaymentFlow;
  /** Where a payer who leaves a hosted page without paying goes back to (the form's page); else `returnUrl`. */
  cancelUrl?: string;
  /** Stable per order and operation, so a retried call never charges twice. */
  idempotencyKey: string;
  offlineMethod?: 'cheque' | 'transfer' | 'cash';
  /** Human reference printed on cheques and transfers, and shown to the treasurer. */
  reference: string;
  /**
   * When the order's hold ends (tickets): the provider stops taking the payment then, or as close after as it
   * can (Stripe needs at least 30 minutes) and reports the time it really used in `ProviderCommand.expiresAt`.
   */
  expiresAt?: Date;
}

/** The provider's answer to a payment request; the adapter turns it into the protocol's NextAction. */
export type ProviderCommand =
  | { type: 'next'; next: NextAction; providerRef: string; expiresAt?: Date }
  | { type: 'completed'; providerRef?: string }
  | {
      type: 'pending';
      providerRef?: string;
      instructions?: Static<typeof OfflineInstructions>;
      /** What the widget shows meanwhile (offline: the instructions), ready to send as the protocol's NextAction. */
      next?: NextAction;
    };

/** Normalised provider events: the only way (with authorised back-office actions) an order's status moves. */
export type ProviderEventType =
  | 'payment_succeeded'
  | 'payment_processing'
  | 'payment_failed'
  | 'payment_expired'
  | 'refunded'
  | 'disputed'
  | 'renewal_paid'
  | 'renewal_failed'
  | 'subscription_ended';

export interface ProviderEvent {
  /** Provider's own event id: the adapter applies each id once. */
  id: string;
  type: ProviderEventType;
  /** Provider object the order was started with (checkout session, payment intent, simulation payment…). */
  providerRef?: string;
  /** Our order id when the provider echoes it back (metadata, client_reference_id). */
  orderId?: string;
  /** Minor units, for refunds and renewals. */
  amount?: number;
  /**
   * The provider's payment object when it differs from `providerRef` (Stripe: the payment intent behind a
   * checkout session). Later events about the money (refunds, disputes) may carry only this one, so a host
   * that stores it when it first sees it can still find the order when `orderId` is absent.
   */
  paymentRef?: string;
  /** The provider's subscription, for recurring orders: renewals and the end of the subscription carry it. */
  subscriptionRef?: string;
  occurredAt: Date;
  failure?: { code: string };
}

/** Public per-site settings the provider reads; secrets stay inside the provider and never reach a response. */
export interface ProviderContext {
  now(): Date;
}

export interface PaymentProvider {
  readonly id: ProviderId;
  /** What the widget needs to show this way to pay (never a secret). */
  publicMethods(): PublicPaymentMethod[];
  startPayment(request: PaymentRequest, ctx: ProviderContext): Promise<ProviderCommand>;
}

/** Verifies a webhook on its raw body before anything parses it; throws WebhookSignatureError when it is not genuine. */
export interface WebhookReceiver {
  receiveWebhook(
    rawBody: Buffer,
    headers: Record<string, string | string[] | undefined>,
    now: Date,
  ): ProviderEvent[];
}

export interface Refunder {
  /** Refunds all or part (minor units) of a paid order. */
  refund(
    providerRef: string,
    amount: number | undefined,
    idempotencyKey: string,
  ): Promise<{ refundId: string; amount: number }>;
}

/** Re-reads a pending payment at the provider, so a missed webhook never leaves an order wrong. */
export interface Reconciler {
  reconcile(providerRef: string, now: Date): Promise<ProviderEvent[]>;
}

export class WebhookSignatureError extends Error {
  readonly code = 'webhook_signature_invalid';
}

/** The body was genuine (signature verified) but is not an event the provider can read. */
export class WebhookPayloadError extends Error {
  readonly code = 'webhook_payload_invalid';
}

/**
 * A provider call that failed. `code` is a protocol error code the host can answer with as is; `providerCode`
 * is the provider's own (Stripe's `card_declined`, `idempotency_error`…), for logs. Messages never carry a secret.
 */
export class ProviderError extends Error {
  constructor(
    readonly code:
      | 'provider_error'
      | 'provider_not_available'
      | 'payment_declined'
      | 'idempotency_conflict'
      | 'bad_request',
    message: string,
    readonly options: { providerCode?: string; retryable?: boolean; requestId?: string } = {},
  ) {
    super(message);
    this.name = 'ProviderError';
  }

  get retryable(): boolean {
    return this.options.retryable ?? false;
  }
}

/** Site settings a provider cannot work with (missing key, wrong key kind); raised when providers are created. */
export class ProviderConfigError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
    this.name = 'ProviderConfigError';
  }
}

export const isWebhookReceiver = (p: PaymentProvider): p is PaymentProvider & WebhookReceiver =>
  typeof (p as Partial<WebhookReceiver>).receiveWebhook === 'function';
export const isRefunder = (p: PaymentProvider): p is PaymentProvider & Refunder =>
  typeof (p as Partial<Refunder>).refund === 'function';
export const isReconciler = (p: PaymentProvider): p is PaymentProvider & Reconciler =>
  typeof (p as Partial<Reconciler>).reconcile === 'function';
