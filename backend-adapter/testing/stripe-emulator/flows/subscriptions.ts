/**
 * Subscription lifecycle: start (first invoice and its payment), renew (a new billing period and invoice,
 * paid or failed on demand) and cancel. Shared by the Subscriptions API, Checkout in subscription mode and the
 * `/_emulator/*` controls.
 */
import type Stripe from 'stripe';
import type { EmulatorContext } from '../context';
import { unexpectedState } from '../errors';
import { previousAttributes, type EventCause } from '../events';
import { save } from '../lookup';
import type { EmulatedPaymentMethod, PaymentMethodKind } from '../payment-methods';
import type { InvoiceLineSpec } from '../resources/invoices';
import {
  buildSubscription,
  buildSubscriptionItem,
  type SubscriptionFields,
} from '../resources/subscriptions';
import type { AccountState } from '../store';
import { chargeInvoice, issueInvoice, paymentIntentOf, syncInvoiceWithPayment } from './invoices';
import { failProcessingPayment, settlePayment, type AttemptOutcome } from './payments';

export interface SubscriptionItemSpec {
  price: Stripe.Price;
  quantity: number;
  metadata: Record<string, string>;
}

/** Calendar arithmetic in UTC, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb) as Stripe does. */
export function addInterval(timestamp: number, interval: string, count: number): number {
  const date = new Date(timestamp * 1000);
  if (interval === 'day') return timestamp + count * 86400;
  if (interval === 'week') return timestamp + count * 7 * 86400;
  const months = interval === 'year' ? 12 * count : count;
  const day = date.getUTCDate();
  const target = new Date(date.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return Math.floor(target.getTime() / 1000);
}

function periodEnd(start: number, price: Stripe.Price): number {
  return addInterval(start, price.recurring?.interval ?? 'month', price.recurring?.interval_count ?? 1);
}

export interface StartSpec {
  customer: Stripe.Customer;
  items: SubscriptionItemSpec[];
  /** One-time prices bought together with the subscription (Checkout); billed on the first invoice only. */
  oneTimeItems: { price: Stripe.Price; quantity: number }[];
  fields: SubscriptionFields;
  /** The method to charge the first invoice with; undefined leaves it open (default_incomplete, send_invoice). */
  charge: EmulatedPaymentMethod | undefined;
}

export function startSubscription(
  ctx: EmulatorContext,
  account: AccountState,
  spec: StartSpec,
  cause: EventCause,
): {
  subscription: Stripe.Subscription;
  invoice: Stripe.Invoice;
  outcome: AttemptOutcome | 'nothing_due' | 'not_charged';
} {
  const subscription = buildSubscription(ctx, spec.fields);
  const start = subscription.start_date;
  const firstPrice = spec.items[0]?.price;
  if (firstPrice === undefined)
    throw unexpectedState('A subscription needs at least one item.', 'parameter_missing', 'items');
  const period = { start, end: periodEnd(start, firstPrice) };
  subscription.items.data = spec.items.map((item) =>
    buildSubscriptionItem(ctx, subscription.id, item, period),
  );
  save(ctx, account, account.subscriptions, subscription);
  ctx.events.publish(account, 'customer.subscription.created', subscription, cause);
  const lines: InvoiceLineSpec[] = [
    ...subscription.items.data.map((item) => ({
      price: item.price,
      quantity: item.quantity ?? 1,
      subscriptionItem: item.id,
      period,
    })),
    ...spec.oneTimeItems.map((item) => ({ ...item, subscriptionItem: null, period: { start, end: start } })),
  ];
  const invoice = issueInvoice(ctx, account, subscription, lines, 'subscription_create', cause);
  if (spec.charge === undefined) return { subscription, invoice, outcome: 'not_charged' };
  const outcome = chargeInvoice(ctx, account, invoice, spec.charge, cause);
  // Checkout and `save_default_payment_method` keep the method that paid for later renewals.
  if (subscription.default_payment_method === null && outcome !== 'declined') {
    subscription.default_payment_method = spec.charge.id;
  }
  return { subscription, invoice, outcome };
}

export type RenewalOutcome = 'paid' | 'failed' | 'processing';

function methodKind(account: AccountState, subscription: Stripe.Subscription): PaymentMethodKind {
  const id =
    typeof subscription.default_payment_method === 'string'
      ? subscription.default_payment_method
      : subscription.default_payment_method?.id;
  return (id === undefined ? undefined : account.paymentMethods.get(id)?.kind) ?? 'card';
}

/**
 * Moves the subscription to its next period, as a Stripe test clock would: the emulator clock jumps to the
 * renewal date, a `subscription_cycle` invoice is issued and charged with the subscription's kind of
 * method. With `cancel_at_period_end` the subscription ends instead.
 */
export function renewSubscription(
  ctx: EmulatorContext,
  account: AccountState,
  subscription: Stripe.Subscription,
  outcome: RenewalOutcome,
  cause: EventCause,
): Stripe.Invoice | null {
  if (!['active', 'past_due', 'trialing'].includes(subscription.status)) {
    throw unexpectedState(
      `Subscription ${subscription.id} has status ${subscription.status}; only active, past_due or trialing subscriptions renew.`,
      'subscription_unexpected_state',
    );
  }
  const firstItem = subscription.items.data[0];
  if (firstItem === undefined)
    throw unexpectedState(`Subscription ${subscription.id} has no items.`, 'subscription_unexpected_state');
  const start = firstItem.current_period_end;
  if (ctx.clock.now() < start) ctx.clock.advance(start - ctx.clock.now());
  if (subscription.cancel_at_period_end) {
    cancelSubscription(ctx, account, subscription, 'cancellation_requested', null, cause);
    return null;
  }
  const before = structuredClone(subscription);
  const period = { start, end: periodEnd(start, firstItem.price) };
  for (const item of subscription.items.data) {
    item.current_period_start = period.start;
    item.current_period_end = period.end;
  }
  ctx.events.publish(
    account,
    'customer.subscription.updated',
    subscription,
    cause,
    previousAttributes(before, subscription),
  );
  const lines = subscription.items.data.map((item) => ({
    price: item.price,
    quantity: item.quantity ?? 1,
    subscriptionItem: item.id,
    period,
  }));
  const invoice = issueInvoice(ctx, account, subscription, lines, 'subscription_cycle', cause);
  if (subscription.collection_method === 'send_invoice') return invoice;
  const kind = methodKind(account, subscription);
  const declines = outcome === 'failed' && kind === 'card' ? 'generic_decline' : null;
  const method = account.paymentMethods.create(kind, declines);
  chargeInvoice(ctx, account, invoice, method, cause);
  const pi = paymentIntentOf(account, invoice);
  if (kind === 'sepa_debit' && pi !== undefined && outcome !== 'processing') {
    if (outcome === 'paid') settlePayment(ctx, account, pi, cause);
    else failProcessingPayment(ctx, account, pi, cause);
    syncInvoiceWithPayment(ctx, account, pi, cause);
  }
  return invoice;
}

export function cancelSubscription(
  ctx: EmulatorContext,
  account: AccountState,
  subscription: Stripe.Subscription,
  reason: Stripe.Subscription.CancellationDetails.Reason,
  comment: string | null,
  cause: EventCause,
): void {
  const now = ctx.clock.now();
  subscription.status = 'canceled';
  subscription.canceled_at = subscription.canceled_at ?? now;
  subscription.ended_at = now;
  subscription.cancellation_details = { comment, feedback: null, feedback_option: null, reason };
  ctx.events.publish(account, 'customer.subscription.deleted', subscription, cause);
}
