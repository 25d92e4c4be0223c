/**
 * What paying a Checkout Session creates, per mode: a PaymentIntent (payment), a Subscription with its first
 * Invoice (subscription), a SetupIntent (setup). A retry after a decline reuses what the first attempt made.
 */
import type Stripe from 'stripe';
import type { EmulatorContext } from '../context';
import { unexpectedState } from '../errors';
import type { EventCause } from '../events';
import { save } from '../lookup';
import type { EmulatedPaymentMethod } from '../payment-methods';
import { createCustomer } from '../resources/customers';
import { buildPaymentIntent } from '../resources/payment-intents';
import { buildSetupIntent } from '../resources/setup-intents';
import type { AccountState, SessionExtras } from '../store';
import { chargeInvoice } from './invoices';
import { attemptPayment, type AttemptOutcome } from './payments';
import { attemptSetup } from './setups';
import { startSubscription } from './subscriptions';

/** Checkout creates a Customer in subscription and setup mode, and in payment mode with `customer_creation=always`. */
export function ensureCustomer(
  ctx: EmulatorContext,
  account: AccountState,
  session: Stripe.Checkout.Session,
  extras: SessionExtras,
  details: Stripe.Checkout.Session.CustomerDetails,
  cause: EventCause,
): Stripe.Customer | undefined {
  const existing = typeof session.customer === 'string' ? account.customers.get(session.customer) : undefined;
  if (existing !== undefined) return existing;
  if (session.mode === 'payment' && extras.customerCreation !== 'always') return undefined;
  const customer = createCustomer(ctx, account, { email: details.email, name: details.name }, cause);
  session.customer = customer.id;
  return customer;
}

export function payInPaymentMode(
  ctx: EmulatorContext,
  account: AccountState,
  session: Stripe.Checkout.Session,
  extras: SessionExtras,
  method: EmulatedPaymentMethod,
  customer: Stripe.Customer | undefined,
  email: string | null,
  cause: EventCause,
): AttemptOutcome {
  let pi =
    typeof session.payment_intent === 'string'
      ? account.paymentIntents.get(session.payment_intent)
      : undefined;
  if (pi === undefined) {
    pi = buildPaymentIntent(ctx, {
      amount: session.amount_total ?? 0,
      currency: session.currency ?? 'eur',
      customer: customer?.id ?? null,
      description: extras.paymentIntentDescription,
      metadata: { ...extras.paymentIntentMetadata },
      methodTypes: { allowed: [...session.payment_method_types], excluded: null },
      receiptEmail: email,
      setupFutureUsage: null,
    });
    save(ctx, account, account.paymentIntents, pi);
    session.payment_intent = pi.id;
    ctx.events.publish(account, 'payment_intent.created', pi, cause);
  }
  return attemptPayment(ctx, account, pi, method, cause);
}

export function payInSubscriptionMode(
  ctx: EmulatorContext,
  account: AccountState,
  session: Stripe.Checkout.Session,
  extras: SessionExtras,
  method: EmulatedPaymentMethod,
  customer: Stripe.Customer,
  cause: EventCause,
): AttemptOutcome {
  const previous =
    typeof session.subscription === 'string' ? account.subscriptions.get(session.subscription) : undefined;
  const previousInvoice =
    typeof session.invoice === 'string' ? account.invoices.get(session.invoice) : undefined;
  if (previous !== undefined && previousInvoice !== undefined) {
    // A retry after a decline pays the invoice of the subscription the first attempt created.
    const outcome = chargeInvoice(ctx, account, previousInvoice, method, cause);
    if (outcome !== 'declined') previous.default_payment_method = method.id;
    return outcome === 'nothing_due' ? 'succeeded' : outcome;
  }
  const lines = pricedLines(extras.lineItems);
  const { subscription, invoice, outcome } = startSubscription(
    ctx,
    account,
    {
      customer,
      items: lines.filter((l) => l.price.recurring !== null).map((l) => ({ ...l, metadata: {} })),
      oneTimeItems: lines.filter((l) => l.price.recurring === null),
      fields: {
        customer: customer.id,
        currency: session.currency ?? 'eur',
        metadata: { ...extras.subscriptionMetadata },
        description: extras.subscriptionDescription,
        collectionMethod: 'charge_automatically',
        daysUntilDue: null,
        defaultPaymentMethod: null,
        cancelAtPeriodEnd: false,
        paymentMethodTypes: [...session.payment_method_types],
      },
      charge: method,
    },
    cause,
  );
  session.subscription = subscription.id;
  session.invoice = invoice.id;
  return outcome === 'nothing_due' || outcome === 'not_charged' ? 'succeeded' : outcome;
}

function pricedLines(lines: Stripe.LineItem[]): { price: Stripe.Price; quantity: number }[] {
  return lines.map((line) => {
    if (line.price === null) throw unexpectedState(`Line item ${line.id} has no price.`, 'resource_missing');
    return { price: line.price, quantity: line.quantity ?? 1 };
  });
}

export function payInSetupMode(
  ctx: EmulatorContext,
  account: AccountState,
  session: Stripe.Checkout.Session,
  extras: SessionExtras,
  method: EmulatedPaymentMethod,
  customer: Stripe.Customer,
  cause: EventCause,
): AttemptOutcome {
  let si =
    typeof session.setup_intent === 'string' ? account.setupIntents.get(session.setup_intent) : undefined;
  if (si === undefined) {
    si = buildSetupIntent(ctx, {
      customer: customer.id,
      description: null,
      metadata: { ...extras.setupIntentMetadata },
      methodTypes: { allowed: [...session.payment_method_types], excluded: null },
      usage: 'off_session',
    });
    save(ctx, account, account.setupIntents, si);
    session.setup_intent = si.id;
    ctx.events.publish(account, 'setup_intent.created', si, cause);
  }
  return attemptSetup(ctx, account, si, method, cause) === 'succeeded' ? 'succeeded' : 'declined';
}
