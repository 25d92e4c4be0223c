/**
 * Subscription invoices and their payment. Each invoice with an amount gets a PaymentIntent (linked through
 * `invoice.payments` and `confirmation_secret`, the current API's replacement for `invoice.payment_intent`);
 * whatever moves that intent — a card attempt, a SEPA settlement control, a client-side confirm — moves the
 * invoice and the subscription with it via `syncInvoiceWithPayment`.
 */
import type Stripe from 'stripe';
import type { EmulatorContext } from '../context';
import { previousAttributes, type EventCause } from '../events';
import { save } from '../lookup';
import type { EmulatedPaymentMethod } from '../payment-methods';
import { buildInvoice, buildInvoicePayment, type InvoiceLineSpec } from '../resources/invoices';
import { buildPaymentIntent } from '../resources/payment-intents';
import type { AccountState } from '../store';
import { attemptPayment, type AttemptOutcome } from './payments';

const RETRY_DELAY_SECONDS = 3 * 86400;

function customerId(subscription: Stripe.Subscription): string {
  return typeof subscription.customer === 'string' ? subscription.customer : subscription.customer.id;
}

/** Issues (finalises) an invoice for the subscription; the caller decides whether and how to charge it. */
export function issueInvoice(
  ctx: EmulatorContext,
  account: AccountState,
  subscription: Stripe.Subscription,
  lines: InvoiceLineSpec[],
  reason: 'subscription_create' | 'subscription_cycle',
  cause: EventCause,
): Stripe.Invoice {
  const customer = account.customers.get(customerId(subscription));
  const invoice = buildInvoice(ctx, account, subscription, lines, reason, customer);
  if (invoice.amount_due > 0) {
    const pi = buildPaymentIntent(ctx, {
      amount: invoice.amount_due,
      currency: invoice.currency,
      customer: customerId(subscription),
      description: reason === 'subscription_create' ? 'Subscription creation' : 'Subscription update',
      metadata: {},
      methodTypes: { allowed: subscription.payment_settings?.payment_method_types ?? null, excluded: null },
      receiptEmail: null,
      setupFutureUsage: 'off_session',
    });
    save(ctx, account, account.paymentIntents, pi);
    account.invoiceByPaymentIntent.set(pi.id, invoice.id);
    invoice.payments?.data.push(buildInvoicePayment(ctx, invoice, pi.id));
    invoice.confirmation_secret = { type: 'payment_intent', client_secret: pi.client_secret ?? '' };
    ctx.events.publish(account, 'payment_intent.created', pi, cause);
  }
  save(ctx, account, account.invoices, invoice);
  subscription.latest_invoice = invoice.id;
  ctx.events.publish(account, 'invoice.created', invoice, cause);
  ctx.events.publish(account, 'invoice.finalized', invoice, cause);
  if (invoice.amount_due === 0) markInvoicePaid(ctx, account, invoice, cause);
  return invoice;
}

export function paymentIntentOf(
  account: AccountState,
  invoice: Stripe.Invoice,
): Stripe.PaymentIntent | undefined {
  const payment = invoice.payments?.data[0]?.payment.payment_intent;
  const id = typeof payment === 'string' ? payment : payment?.id;
  return id === undefined ? undefined : account.paymentIntents.get(id);
}

/** Tries the method on the invoice's PaymentIntent and carries the outcome to invoice and subscription. */
export function chargeInvoice(
  ctx: EmulatorContext,
  account: AccountState,
  invoice: Stripe.Invoice,
  method: EmulatedPaymentMethod,
  cause: EventCause,
): AttemptOutcome | 'nothing_due' {
  const pi = paymentIntentOf(account, invoice);
  if (pi === undefined || invoice.status === 'paid') return 'nothing_due';
  const outcome = attemptPayment(ctx, account, pi, method, cause);
  syncInvoiceWithPayment(ctx, account, pi, cause);
  return outcome;
}

function subscriptionOf(account: AccountState, invoice: Stripe.Invoice): Stripe.Subscription | undefined {
  const ref = invoice.parent?.subscription_details?.subscription;
  const id = typeof ref === 'string' ? ref : ref?.id;
  return id === undefined ? undefined : account.subscriptions.get(id);
}

function setSubscriptionStatus(
  ctx: EmulatorContext,
  account: AccountState,
  subscription: Stripe.Subscription,
  status: Stripe.Subscription.Status,
  cause: EventCause,
): void {
  if (subscription.status === status) return;
  const before = structuredClone(subscription);
  subscription.status = status;
  ctx.events.publish(
    account,
    'customer.subscription.updated',
    subscription,
    cause,
    previousAttributes(before, subscription),
  );
}

function markInvoicePaid(
  ctx: EmulatorContext,
  account: AccountState,
  invoice: Stripe.Invoice,
  cause: EventCause,
): void {
  const now = ctx.clock.now();
  invoice.status = 'paid';
  invoice.amount_paid = invoice.amount_due;
  invoice.amount_remaining = 0;
  invoice.attempted = true;
  invoice.attempt_count += invoice.amount_due > 0 ? 1 : 0;
  invoice.next_payment_attempt = null;
  invoice.status_transitions.paid_at = now;
  const payment = invoice.payments?.data[0];
  if (payment !== undefined) {
    payment.status = 'paid';
    payment.amount_paid = invoice.amount_due;
    payment.status_transitions.paid_at = now;
  }
  ctx.events.publish(account, 'invoice.paid', invoice, cause);
  ctx.events.publish(account, 'invoice.payment_succeeded', invoice, cause);
  const subscription = subscriptionOf(account, invoice);
  if (subscription !== undefined && ['incomplete', 'past_due', 'unpaid'].includes(subscription.status)) {
    setSubscriptionStatus(ctx, account, subscription, 'active', cause);
  }
}

function markInvoiceFailed(
  ctx: EmulatorContext,
  account: AccountState,
  invoice: Stripe.Invoice,
  cause: EventCause,
): void {
  invoice.attempted = true;
  invoice.attempt_count += 1;
  invoice.next_payment_attempt = ctx.clock.now() + RETRY_DELAY_SECONDS;
  ctx.events.publish(account, 'invoice.payment_failed', invoice, cause);
  const subscription = subscriptionOf(account, invoice);
  if (subscription?.status === 'active') setSubscriptionStatus(ctx, account, subscription, 'past_due', cause);
}

/**
 * Brings an invoice (and its subscription) in line with its PaymentIntent. A processing first payment
 * (SEPA) makes the subscription active while the invoice stays open: the emulator's reading of Stripe's
 * docs, to be confirmed by the live suite.
 */
export function syncInvoiceWithPayment(
  ctx: EmulatorContext,
  account: AccountState,
  pi: Stripe.PaymentIntent,
  cause: EventCause,
): void {
  const invoiceId = account.invoiceByPaymentIntent.get(pi.id);
  const invoice = invoiceId === undefined ? undefined : account.invoices.get(invoiceId);
  if (invoice === undefined || invoice.status === 'paid') return;
  if (pi.status === 'succeeded') {
    markInvoicePaid(ctx, account, invoice, cause);
  } else if (pi.status === 'processing') {
    invoice.attempted = true;
    const subscription = subscriptionOf(account, invoice);
    if (subscription?.status === 'incomplete')
      setSubscriptionStatus(ctx, account, subscription, 'active', cause);
  } else if (pi.status === 'requires_payment_method' && pi.last_payment_error !== null) {
    markInvoiceFailed(ctx, account, invoice, cause);
  }
}
