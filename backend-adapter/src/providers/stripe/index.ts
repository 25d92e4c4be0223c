import type Stripe from 'stripe';
import type { PublicPaymentMethod } from '../../protocol';
import type { ProviderFactory } from '../factory';
import type { StripeSettings, StripeUiMode } from '../settings';
import {
  ProviderConfigError,
  type PaymentProvider,
  type PaymentRequest,
  type ProviderCommand,
  type ProviderContext,
  type ProviderEvent,
  type Reconciler,
  type Refunder,
  type WebhookReceiver,
} from '../types';
import { checkoutUiMode, createCheckoutSession } from './checkout';
import { createStripeClient } from './client';
import { toProviderError } from './errors';
import { mapStripeEvent } from './events';
import { reconcileSession } from './reconcile';
import { refundPayment } from './refund';
import { verifyStripeWebhook } from './webhook-signature';

export interface StripeProviderOptions {
  maxNetworkRetries?: number;
  timeoutMs?: number;
}

/**
 * Stripe through Checkout Sessions (embedded page or Elements for the widget, the hosted page for a payer without
 * JavaScript), into the association's own account.
 * Secrets live in private fields: they are not enumerable, so neither JSON nor util.inspect shows them.
 */
export class StripeProvider implements PaymentProvider, WebhookReceiver, Refunder, Reconciler {
  readonly id = 'stripe' as const;
  readonly #stripe: Stripe;
  readonly #webhookSecret: string;
  readonly #secretKey: string;
  readonly #publishableKey: string;
  readonly #uiMode: StripeUiMode;
  readonly #sepa: boolean;

  constructor(settings: StripeSettings, options: StripeProviderOptions = {}) {
    this.#secretKey = settings.secretKey;
    this.#webhookSecret = settings.webhookSecret;
    this.#publishableKey = settings.publishableKey;
    this.#uiMode = settings.uiMode ?? 'embedded_page';
    this.#sepa = settings.sepa ?? false;
    this.#stripe = createStripeClient({
      secretKey: settings.secretKey,
      ...(settings.apiBase === undefined ? {} : { apiBase: settings.apiBase }),
      ...(options.maxNetworkRetries === undefined ? {} : { maxNetworkRetries: options.maxNetworkRetries }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
  }

  publicMethods(): PublicPaymentMethod[] {
    return [{ provider: 'stripe', publishableKey: this.#publishableKey, uiMode: this.#uiMode }];
  }

  async startPayment(request: PaymentRequest, ctx: ProviderContext): Promise<ProviderCommand> {
    const options = { uiMode: this.#uiMode, sepa: this.#sepa };
    const session = await this.#call(() => createCheckoutSession(this.#stripe, request, options, ctx.now()));
    const expiresAt = new Date(session.expires_at * 1000);
    if (checkoutUiMode(request, options) === 'hosted_page') {
      if (session.url === null) {
        throw toProviderError(new Error(`Checkout session ${session.id} came back without a URL`), []);
      }
      return {
        type: 'next',
        providerRef: session.id,
        expiresAt,
        next: { type: 'redirect', url: session.url },
      };
    }
    if (session.client_secret === null) {
      throw toProviderError(
        new Error(`Checkout session ${session.id} came back without a client secret`),
        [],
      );
    }
    return {
      type: 'next',
      providerRef: session.id,
      expiresAt,
      next: {
        type: 'confirm',
        provider: 'stripe',
        uiMode: this.#uiMode,
        clientSecret: session.client_secret,
        publishableKey: this.#publishableKey,
      },
    };
  }

  receiveWebhook(
    rawBody: Buffer,
    headers: Record<string, string | string[] | undefined>,
    now: Date,
  ): ProviderEvent[] {
    return mapStripeEvent(verifyStripeWebhook(rawBody, headers, this.#webhookSecret, now));
  }

  refund(providerRef: string, amount: number | undefined, idempotencyKey: string) {
    return this.#call(() => refundPayment(this.#stripe, providerRef, amount, idempotencyKey));
  }

  reconcile(providerRef: string, now: Date): Promise<ProviderEvent[]> {
    return this.#call(() => reconcileSession(this.#stripe, providerRef, now));
  }

  async #call<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw toProviderError(error, [this.#secretKey, this.#webhookSecret]);
    }
  }
}

const modeOf = (key: string) => (/^[a-z]+_live_/.test(key) ? 'live' : 'test');

/** Keys of both modes together would take the payer to a page that cannot charge: refuse them up front. */
function checkKeys(settings: StripeSettings): void {
  if (modeOf(settings.secretKey) !== modeOf(settings.publishableKey)) {
    throw new ProviderConfigError(
      'stripe.publishableKey',
      'The Stripe secret and publishable keys must both be test keys or both be live keys.',
    );
  }
}

export const stripeFactory: ProviderFactory = {
  id: 'stripe',
  create: (settings, deps) => {
    if (settings.stripe === undefined) return null;
    checkKeys(settings.stripe);
    return new StripeProvider(settings.stripe, deps.stripe);
  },
};
