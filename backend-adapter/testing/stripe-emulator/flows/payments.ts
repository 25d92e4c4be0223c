/**
 * What happens to a PaymentIntent once a payment method is tried: a card succeeds or is declined at once,
 * a SEPA debit sits in `processing` until a control settles or fails it (days in real life).
 * Used by the confirm endpoint, by Checkout completion and by the `/_emulator/*` controls.
 */
import type Stripe from 'stripe';
import type { EmulatorContext } from '../context';
import { EmulatorError, unexpectedState } from '../errors';
import type { EventCause } from '../events';
import { save } from '../lookup';
import type { EmulatedPaymentMethod } from '../payment-methods';
import { buildCharge } from '../resources/charges';
import type { AccountState } from '../store';

export type AttemptOutcome = 'succeeded' | 'processing' | 'declined';

const DECLINE_MESSAGES: Readonly<Record<string, string>> = {
  generic_decline: 'Your card was declined.',
  insufficient_funds: 'Your card has insufficient funds.',
};

function chargeOf(account: AccountState, pi: Stripe.PaymentIntent): Stripe.Charge | undefined {
  return typeof pi.latest_charge === 'string' ? account.charges.get(pi.latest_charge) : undefined;
}

export function attemptPayment(
  ctx: EmulatorContext,
  account: AccountState,
  pi: Stripe.PaymentIntent,
  method: EmulatedPaymentMethod,
  cause: EventCause,
): AttemptOutcome {
  pi.payment_method = method.id;
  if (!pi.payment_method_types.includes(method.kind))
    pi.payment_method_types = [...pi.payment_method_types, method.kind];
  if (method.kind === 'sepa_debit') {
    const charge = save(ctx, account, account.charges, buildCharge(ctx, pi, method, 'pending', null));
    pi.status = 'processing';
    pi.latest_charge = charge.id;
    pi.last_payment_error = null;
    ctx.events.publish(account, 'charge.pending', charge, cause);
    ctx.events.publish(account, 'payment_intent.processing', pi, cause);
    return 'processing';
  }
  if (method.declineCode !== null) {
    const message = DECLINE_MESSAGES[method.declineCode] ?? 'Your card was declined.';
    const charge = save(
      ctx,
      account,
      account.charges,
      buildCharge(ctx, pi, method, 'failed', { code: 'card_declined', message }),
    );
    pi.status = 'requires_payment_method';
    pi.latest_charge = charge.id;
    pi.payment_method = null;
    pi.last_payment_error = {
      type: 'card_error',
      code: 'card_declined',
      decline_code: method.declineCode,
      message,
      charge: charge.id,
      payment_method_type: 'card',
      doc_url: 'https://stripe.com/docs/error-codes/card-declined',
    };
    ctx.events.publish(account, 'charge.failed', charge, cause);
    ctx.events.publish(account, 'payment_intent.payment_failed', pi, cause);
    return 'declined';
  }
  const charge = save(ctx, account, account.charges, buildCharge(ctx, pi, method, 'succeeded', null));
  markSucceeded(pi, charge);
  ctx.events.publish(account, 'charge.succeeded', charge, cause);
  ctx.events.publish(account, 'payment_intent.succeeded', pi, cause);
  return 'succeeded';
}

function markSucceeded(pi: Stripe.PaymentIntent, charge: Stripe.Charge): void {
  pi.status = 'succeeded';
  pi.amount_received = pi.amount;
  pi.latest_charge = charge.id;
  pi.last_payment_error = null;
}

/** The error a declined confirm answers with (HTTP 402, StripeCardError in the SDK). */
export function declineError(pi: Stripe.PaymentIntent): EmulatorError {
  const error = pi.last_payment_error;
  return new EmulatorError(
    402,
    'card_error',
    error?.message ?? 'Your card was declined.',
    'card_declined',
    undefined,
    {
      decline_code: error?.decline_code ?? 'generic_decline',
      payment_intent: structuredClone(pi),
    },
  );
}

function requireProcessing(pi: Stripe.PaymentIntent): void {
  if (pi.status !== 'processing') {
    throw unexpectedState(
      `PaymentIntent ${pi.id} has status ${pi.status}; only a processing (SEPA) payment can be settled or failed.`,
      'payment_intent_unexpected_state',
    );
  }
}

/** A delayed (SEPA) debit arrived. */
export function settlePayment(
  ctx: EmulatorContext,
  account: AccountState,
  pi: Stripe.PaymentIntent,
  cause: EventCause,
): void {
  requireProcessing(pi);
  const charge = chargeOf(account, pi);
  if (charge === undefined)
    throw unexpectedState(`PaymentIntent ${pi.id} has no charge.`, 'payment_intent_unexpected_state');
  charge.status = 'succeeded';
  charge.paid = true;
  charge.captured = true;
  charge.amount_captured = charge.amount;
  markSucceeded(pi, charge);
  ctx.events.publish(account, 'charge.succeeded', charge, cause);
  ctx.events.publish(account, 'payment_intent.succeeded', pi, cause);
}

/** A delayed (SEPA) debit bounced. */
export function failProcessingPayment(
  ctx: EmulatorContext,
  account: AccountState,
  pi: Stripe.PaymentIntent,
  cause: EventCause,
): void {
  requireProcessing(pi);
  const charge = chargeOf(account, pi);
  if (charge !== undefined) {
    charge.status = 'failed';
    charge.failure_code = 'insufficient_funds';
    charge.failure_message = 'The customer’s account has insufficient funds to cover this payment.';
    ctx.events.publish(account, 'charge.failed', charge, cause);
  }
  pi.status = 'requires_payment_method';
  pi.payment_method = null;
  pi.last_payment_error = {
    type: 'invalid_request_error',
    code: 'payment_intent_payment_attempt_failed',
    message: 'The SEPA Direct Debit was returned: insufficient funds.',
    payment_method_type: 'sepa_debit',
    ...(charge === undefined ? {} : { charge: charge.id }),
  };
  ctx.events.publish(account, 'payment_intent.payment_failed', pi, cause);
}
