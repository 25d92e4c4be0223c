/**
 * The test controls as typed functions: what a customer, a bank or time would do to Stripe objects. The
 * `/_emulator/*` HTTP endpoints (controls.ts) and the in-process handle both call these. Each action reports
 * the events it caused and waits until their webhooks were delivered, so a test can assert right after.
 */
import type Stripe from 'stripe';
import type { EmulatorContext } from './context';
import { invalidRequest, resourceMissing, unexpectedState } from './errors';
import { NO_CAUSE, type LoggedEvent } from './events';
import {
  completeSession,
  declineSession,
  sweepExpiredSessions,
  expireSession,
  failSessionSettlement,
  settleSession,
  type CompleteOptions,
  type CustomerInput,
} from './flows/checkout';
import { syncInvoiceWithPayment } from './flows/invoices';
import { attemptPayment, failProcessingPayment, settlePayment, type AttemptOutcome } from './flows/payments';
import { attemptSetup } from './flows/setups';
import { renewSubscription, type RenewalOutcome } from './flows/subscriptions';
import { checkMethodCurrency, type PaymentMethodKind } from './payment-methods';
import type { AccountState, Collection, StoredObject } from './store';
import type { DeliveryRecord } from './webhooks';

export interface ControlResult<T> {
  result: T;
  /** Events caused by the action, oldest first. */
  events: LoggedEvent[];
  /** Webhook deliveries of those events (empty when no endpoint is configured). */
  deliveries: DeliveryRecord[];
}

async function observe<T>(ctx: EmulatorContext, action: () => T): Promise<ControlResult<T>> {
  const mark = ctx.events.mark();
  const deliveredBefore = ctx.webhooks.deliveries().length;
  const result = action();
  await ctx.webhooks.idle();
  const events = ctx.events.since(mark);
  const ids = new Set(events.map((e) => e.event.id));
  const deliveries = ctx.webhooks
    .deliveries()
    .slice(deliveredBefore)
    .filter((d) => ids.has(d.event_id));
  return { result, events, deliveries };
}

/** Controls act on ids without an API key: the owning account is found from the id. */
function owned<T extends StoredObject>(
  ctx: EmulatorContext,
  id: string,
  kind: string,
  pick: (account: AccountState) => Collection<T>,
): { account: AccountState; object: T } {
  const account = ctx.store.ownerOf(id);
  const object = account === undefined ? undefined : pick(account).get(id);
  if (account === undefined || object === undefined) throw resourceMissing(kind, id, 'id', 404);
  return { account, object };
}

const session = (ctx: EmulatorContext, id: string) =>
  owned(ctx, id, 'checkout.session', (a) => a.checkoutSessions);
const paymentIntent = (ctx: EmulatorContext, id: string) =>
  owned(ctx, id, 'payment_intent', (a) => a.paymentIntents);
const setupIntent = (ctx: EmulatorContext, id: string) =>
  owned(ctx, id, 'setup_intent', (a) => a.setupIntents);
const subscription = (ctx: EmulatorContext, id: string) =>
  owned(ctx, id, 'subscription', (a) => a.subscriptions);

export function completeCheckoutSession(
  ctx: EmulatorContext,
  id: string,
  options: CompleteOptions = {},
): Promise<ControlResult<{ session: Stripe.Checkout.Session; outcome: AttemptOutcome }>> {
  return observe(ctx, () => {
    const { account, object } = session(ctx, id);
    const outcome = completeSession(ctx, account, object, options, NO_CAUSE);
    return { session: object, outcome };
  });
}

export function failCheckoutSession(
  ctx: EmulatorContext,
  id: string,
  options: CustomerInput & { declineCode?: string } = {},
): Promise<ControlResult<{ session: Stripe.Checkout.Session }>> {
  return observe(ctx, () => {
    const { account, object } = session(ctx, id);
    declineSession(ctx, account, object, options, NO_CAUSE);
    return { session: object };
  });
}

export function expireCheckoutSession(
  ctx: EmulatorContext,
  id: string,
): Promise<ControlResult<{ session: Stripe.Checkout.Session }>> {
  return observe(ctx, () => {
    const { account, object } = session(ctx, id);
    expireSession(ctx, account, object, NO_CAUSE);
    return { session: object };
  });
}

export function settleCheckoutSession(
  ctx: EmulatorContext,
  id: string,
): Promise<ControlResult<{ session: Stripe.Checkout.Session }>> {
  return observe(ctx, () => {
    const { account, object } = session(ctx, id);
    settleSession(ctx, account, object, NO_CAUSE);
    return { session: object };
  });
}

export function failCheckoutSessionSettlement(
  ctx: EmulatorContext,
  id: string,
): Promise<ControlResult<{ session: Stripe.Checkout.Session }>> {
  return observe(ctx, () => {
    const { account, object } = session(ctx, id);
    failSessionSettlement(ctx, account, object, NO_CAUSE);
    return { session: object };
  });
}

/** What a fake Stripe.js `confirmPayment` does: try a method on the intent (and pay its invoice, if any). */
export function attemptPaymentIntent(
  ctx: EmulatorContext,
  id: string,
  options: { paymentMethod?: PaymentMethodKind; declineCode?: string } = {},
): Promise<ControlResult<{ payment_intent: Stripe.PaymentIntent; outcome: AttemptOutcome }>> {
  return observe(ctx, () => {
    const { account, object } = paymentIntent(ctx, id);
    if (!['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(object.status)) {
      throw unexpectedState(
        `PaymentIntent ${id} has status ${object.status} and cannot be paid.`,
        'payment_intent_unexpected_state',
      );
    }
    const kind = options.paymentMethod ?? 'card';
    if (kind !== 'card' && options.declineCode !== undefined) {
      throw invalidRequest('decline_code only applies to cards.', 'decline_code');
    }
    checkMethodCurrency([kind], object.currency, 'payment_method');
    const method = account.paymentMethods.create(kind, options.declineCode ?? null);
    const outcome = attemptPayment(ctx, account, object, method, NO_CAUSE);
    syncInvoiceWithPayment(ctx, account, object, NO_CAUSE);
    return { payment_intent: object, outcome };
  });
}

export function settlePaymentIntent(
  ctx: EmulatorContext,
  id: string,
): Promise<ControlResult<{ payment_intent: Stripe.PaymentIntent }>> {
  return observe(ctx, () => {
    const { account, object } = paymentIntent(ctx, id);
    settlePayment(ctx, account, object, NO_CAUSE);
    syncInvoiceWithPayment(ctx, account, object, NO_CAUSE);
    return { payment_intent: object };
  });
}

export function failPaymentIntentSettlement(
  ctx: EmulatorContext,
  id: string,
): Promise<ControlResult<{ payment_intent: Stripe.PaymentIntent }>> {
  return observe(ctx, () => {
    const { account, object } = paymentIntent(ctx, id);
    failProcessingPayment(ctx, account, object, NO_CAUSE);
    syncInvoiceWithPayment(ctx, account, object, NO_CAUSE);
    return { payment_intent: object };
  });
}

/** What a fake Stripe.js `confirmSetup`/`confirmSepaDebitSetup` does. */
export function attemptSetupIntent(
  ctx: EmulatorContext,
  id: string,
  options: { paymentMethod?: PaymentMethodKind; declineCode?: string } = {},
): Promise<ControlResult<{ setup_intent: Stripe.SetupIntent; outcome: 'succeeded' | 'declined' }>> {
  return observe(ctx, () => {
    const { account, object } = setupIntent(ctx, id);
    if (!['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(object.status)) {
      throw unexpectedState(
        `SetupIntent ${id} has status ${object.status} and cannot be confirmed.`,
        'setup_intent_unexpected_state',
      );
    }
    const method = account.paymentMethods.create(
      options.paymentMethod ?? 'card',
      options.declineCode ?? null,
    );
    const outcome = attemptSetup(ctx, account, object, method, NO_CAUSE);
    return { setup_intent: object, outcome };
  });
}

export function renewSubscriptionNow(
  ctx: EmulatorContext,
  id: string,
  outcome: RenewalOutcome = 'paid',
): Promise<ControlResult<{ subscription: Stripe.Subscription; invoice: Stripe.Invoice | null }>> {
  return observe(ctx, () => {
    const { account, object } = subscription(ctx, id);
    const invoice = renewSubscription(ctx, account, object, outcome, NO_CAUSE);
    return { subscription: object, invoice };
  });
}

export function advanceClock(ctx: EmulatorContext, seconds: number): Promise<ControlResult<{ now: number }>> {
  return observe(ctx, () => {
    if (!Number.isInteger(seconds) || seconds < 0)
      throw invalidRequest('seconds must be a non-negative integer.', 'seconds');
    ctx.clock.advance(seconds);
    sweepExpiredSessions(ctx);
    return { now: ctx.clock.now() };
  });
}

export async function redeliverEvent(
  ctx: EmulatorContext,
  id: string,
): Promise<{ deliveries: DeliveryRecord[] }> {
  const before = ctx.webhooks.deliveries().length;
  if (!ctx.webhooks.redeliver(id)) throw resourceMissing('event', id, 'id', 404);
  await ctx.webhooks.idle();
  return { deliveries: ctx.webhooks.deliveries().slice(before) };
}

/**
 * What Stripe.js can see with a publishable key and a client secret: the session (with its line items),
 * PaymentIntent or SetupIntent. A fake Stripe.js uses this to render its form.
 */
export function findByClientSecret(ctx: EmulatorContext, secret: string): unknown {
  const id = secret.split('_secret_')[0] ?? '';
  const account = ctx.store.ownerOf(id);
  const object =
    account?.checkoutSessions.get(id) ?? account?.paymentIntents.get(id) ?? account?.setupIntents.get(id);
  if (account === undefined || object === undefined || object.client_secret !== secret) {
    throw resourceMissing('client_secret', secret, 'client_secret', 404);
  }
  if (object.object !== 'checkout.session') return object;
  const lineItems = account.sessionExtras.get(object.id)?.lineItems ?? [];
  return {
    ...object,
    line_items: {
      object: 'list',
      data: lineItems,
      has_more: false,
      url: `/v1/checkout/sessions/${object.id}/line_items`,
    },
  };
}
