/**
 * A Checkout Session's life as tests drive it: paid (card or SEPA), declined, expired; and what the bank does
 * later for SEPA (settle or bounce). Ends with the `checkout.session.*` events real Checkout sends.
 */
import type Stripe from 'stripe';
import type { EmulatorContext } from '../context';
import { invalidRequest, unexpectedState } from '../errors';
import { NO_CAUSE, type EventCause } from '../events';
import type { EmulatedPaymentMethod } from '../payment-methods';
import type { AccountState, SessionExtras } from '../store';
import {
  applyCustomerChoices,
  chooseMethod,
  customerDetails,
  type CompleteOptions,
  type CustomerInput,
} from './checkout-page';
import { ensureCustomer, payInPaymentMode, payInSetupMode, payInSubscriptionMode } from './checkout-modes';
import { paymentIntentOf, syncInvoiceWithPayment } from './invoices';
import { failProcessingPayment, settlePayment, type AttemptOutcome } from './payments';

export type { CompleteOptions, CustomerInput } from './checkout-page';

function extrasOf(account: AccountState, session: Stripe.Checkout.Session): SessionExtras {
  const extras = account.sessionExtras.get(session.id);
  if (extras === undefined) {
    throw unexpectedState(`Checkout Session ${session.id} has no line items.`, 'resource_missing');
  }
  return extras;
}

function requireOpen(ctx: EmulatorContext, account: AccountState, session: Stripe.Checkout.Session): void {
  if (session.status === 'open' && ctx.clock.now() >= session.expires_at) {
    expireSession(ctx, account, session, NO_CAUSE);
  }
  if (session.status !== 'open') {
    throw unexpectedState(
      `Checkout Session ${session.id} has status ${session.status}; only an open session can be paid.`,
      'checkout_session_unexpected_state',
    );
  }
}

/**
 * The customer pays with `method`. A decline leaves the session open (the customer may try again); success
 * or a pending SEPA debit completes it with payment_status `paid` or `unpaid`.
 */
function attemptSession(
  ctx: EmulatorContext,
  account: AccountState,
  session: Stripe.Checkout.Session,
  method: EmulatedPaymentMethod,
  options: CompleteOptions,
  cause: EventCause,
): AttemptOutcome {
  const extras = extrasOf(account, session);
  applyCustomerChoices(session, extras, options);
  const existing = typeof session.customer === 'string' ? account.customers.get(session.customer) : undefined;
  const details = customerDetails(session, existing, options);
  const customer = ensureCustomer(ctx, account, session, extras, details, cause);
  session.customer_details = details;
  let outcome: AttemptOutcome;
  if (session.mode === 'payment') {
    outcome = payInPaymentMode(ctx, account, session, extras, method, customer, details.email, cause);
  } else if (customer === undefined) {
    throw unexpectedState(`Checkout Session ${session.id} has no customer.`, 'resource_missing');
  } else if (session.mode === 'subscription') {
    outcome = payInSubscriptionMode(ctx, account, session, extras, method, customer, cause);
  } else {
    outcome = payInSetupMode(ctx, account, session, extras, method, customer, cause);
  }
  if (outcome === 'declined') return outcome;
  session.status = 'complete';
  session.payment_status =
    session.mode === 'setup' ? 'no_payment_required' : outcome === 'succeeded' ? 'paid' : 'unpaid';
  session.collected_information = { business_name: null, individual_name: null, shipping_details: null };
  session.url = null;
  ctx.events.publish(account, 'checkout.session.completed', session, cause);
  return outcome;
}

export function completeSession(
  ctx: EmulatorContext,
  account: AccountState,
  session: Stripe.Checkout.Session,
  options: CompleteOptions,
  cause: EventCause,
): AttemptOutcome {
  requireOpen(ctx, account, session);
  const kind = chooseMethod(session, options.paymentMethod);
  return attemptSession(ctx, account, session, account.paymentMethods.create(kind), options, cause);
}

/** A declined card on the Checkout page: `payment_intent.payment_failed`, the session stays open. */
export function declineSession(
  ctx: EmulatorContext,
  account: AccountState,
  session: Stripe.Checkout.Session,
  options: CustomerInput & { declineCode?: string },
  cause: EventCause,
): void {
  requireOpen(ctx, account, session);
  chooseMethod(session, 'card');
  const method = account.paymentMethods.create('card', options.declineCode ?? 'generic_decline');
  attemptSession(ctx, account, session, method, options, cause);
}

function processingPaymentOf(account: AccountState, session: Stripe.Checkout.Session): Stripe.PaymentIntent {
  let pi: Stripe.PaymentIntent | undefined;
  if (typeof session.payment_intent === 'string') pi = account.paymentIntents.get(session.payment_intent);
  if (typeof session.invoice === 'string') {
    const invoice = account.invoices.get(session.invoice);
    pi = invoice === undefined ? undefined : paymentIntentOf(account, invoice);
  }
  if (session.status !== 'complete' || session.payment_status !== 'unpaid' || pi?.status !== 'processing') {
    throw unexpectedState(
      `Checkout Session ${session.id} is not waiting for a delayed payment (status ${session.status}, payment_status ${session.payment_status}).`,
      'checkout_session_unexpected_state',
    );
  }
  return pi;
}

/** The SEPA debit of a completed session arrived: `checkout.session.async_payment_succeeded`. */
export function settleSession(
  ctx: EmulatorContext,
  account: AccountState,
  session: Stripe.Checkout.Session,
  cause: EventCause,
): void {
  const pi = processingPaymentOf(account, session);
  settlePayment(ctx, account, pi, cause);
  syncInvoiceWithPayment(ctx, account, pi, cause);
  session.payment_status = 'paid';
  ctx.events.publish(account, 'checkout.session.async_payment_succeeded', session, cause);
}

/** The SEPA debit of a completed session bounced: `checkout.session.async_payment_failed`. */
export function failSessionSettlement(
  ctx: EmulatorContext,
  account: AccountState,
  session: Stripe.Checkout.Session,
  cause: EventCause,
): void {
  const pi = processingPaymentOf(account, session);
  failProcessingPayment(ctx, account, pi, cause);
  syncInvoiceWithPayment(ctx, account, pi, cause);
  ctx.events.publish(account, 'checkout.session.async_payment_failed', session, cause);
}

export function expireSession(
  ctx: EmulatorContext,
  account: AccountState,
  session: Stripe.Checkout.Session,
  cause: EventCause,
): void {
  if (session.status !== 'open') {
    throw invalidRequest(
      `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of ${session.status}.`,
    );
  }
  session.status = 'expired';
  session.url = null;
  ctx.events.publish(account, 'checkout.session.expired', session, cause);
}

/** Stripe expires sessions in the background at `expires_at`; the emulator does it lazily on each request. */
export function sweepExpiredSessions(ctx: EmulatorContext): void {
  const now = ctx.clock.now();
  for (const account of ctx.store.allAccounts()) {
    for (const session of account.checkoutSessions.all()) {
      if (session.status === 'open' && now >= session.expires_at) {
        expireSession(ctx, account, session, NO_CAUSE);
      }
    }
  }
}
