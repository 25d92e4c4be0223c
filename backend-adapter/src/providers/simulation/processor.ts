import type { SimulationOutcome } from '../../protocol';
import { ProviderError, type ProviderEvent, type ProviderEventType } from '../types';
import { cardBehaviour, CHALLENGE_REFUSED_REASON } from './cards';
import {
  refundId,
  signPaymentRef,
  verifyClientSecret,
  verifyPaymentRef,
  type PaymentRef,
  type PaymentState,
  type SimulatedPayment,
} from './tokens';

/**
 * The simulated card processor: what a bank would answer to a card, a 3-D Secure challenge, a settlement
 * check or a refund. Pure functions of (secret, input, now): no storage, no clock of their own.
 */

export interface SimulationAnswer {
  outcome: SimulationOutcome;
  orderId: string;
  amount: number;
  currency: string;
  /** The payment's signed reference after this step: the host stores it and passes it to `reconcile`. */
  providerRef: string;
  /** Apply each once (their ids are deterministic: `simevt_<orderId>_<type>`, so a replay is a duplicate). */
  events: ProviderEvent[];
  failure?: { code: string };
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

export const simulationEventId = (orderId: string, type: ProviderEventType) => `simevt_${orderId}_${type}`;

function event(
  payment: SimulatedPayment,
  type: ProviderEventType,
  providerRef: string,
  occurredAt: Date,
  failure?: string,
): ProviderEvent {
  return {
    id: simulationEventId(payment.orderId, type),
    type,
    providerRef,
    orderId: payment.orderId,
    amount: payment.amount,
    occurredAt,
    ...(failure === undefined ? {} : { failure: { code: failure } }),
  };
}

function paymentOf(secret: string, clientSecret: string): SimulatedPayment {
  const payment = verifyClientSecret(secret, clientSecret);
  if (payment === null) throw new ProviderError('bad_request', 'This simulation client secret is not valid.');
  return payment;
}

function ref(secret: string, payment: SimulatedPayment, state: PaymentState, at: Date): string {
  return signPaymentRef(secret, { ...payment, state, at: seconds(at) });
}

function answer(
  secret: string,
  payment: SimulatedPayment,
  outcome: SimulationOutcome,
  now: Date,
  extra: { settleAt?: Date; failure?: string } = {},
): SimulationAnswer {
  const common = { orderId: payment.orderId, amount: payment.amount, currency: payment.currency };
  switch (outcome) {
    case 'succeeded': {
      const providerRef = ref(secret, payment, 'paid', now);
      return {
        ...common,
        outcome,
        providerRef,
        events: [event(payment, 'payment_succeeded', providerRef, now)],
      };
    }
    case 'processing': {
      const providerRef = ref(secret, payment, 'settling', extra.settleAt ?? now);
      return {
        ...common,
        outcome,
        providerRef,
        events: [event(payment, 'payment_processing', providerRef, now)],
      };
    }
    case 'declined': {
      const providerRef = ref(secret, payment, 'open', now);
      const code = extra.failure ?? 'generic_decline';
      return {
        ...common,
        outcome,
        providerRef,
        failure: { code },
        // The payer may try another card: the state machine lets a later success move a failed order to paid.
        events: [event(payment, 'payment_failed', providerRef, now, code)],
      };
    }
    case 'requires_action':
      return { ...common, outcome, providerRef: ref(secret, payment, 'open', now), events: [] };
  }
}

export function confirmCard(secret: string, clientSecret: string, card: string, now: Date): SimulationAnswer {
  const payment = paymentOf(secret, clientSecret);
  const behaviour = cardBehaviour(card);
  if (behaviour.outcome !== 'processing') {
    return answer(
      secret,
      payment,
      behaviour.outcome,
      now,
      behaviour.reason ? { failure: behaviour.reason } : {},
    );
  }
  const settleAt = new Date((seconds(now) + (behaviour.settleAfterSeconds ?? 0)) * 1000);
  return answer(secret, payment, 'processing', now, { settleAt });
}

/**
 * The payer's answer on the simulated 3-D Secure page. Holding the client secret is enough to answer, as it is
 * enough to pay with the always-succeeding card: the simulation protects amounts and order ids, not cards.
 */
export function answerChallenge(
  secret: string,
  clientSecret: string,
  approve: boolean,
  now: Date,
): SimulationAnswer {
  const payment = paymentOf(secret, clientSecret);
  return approve
    ? answer(secret, payment, 'succeeded', now)
    : answer(secret, payment, 'declined', now, { failure: CHALLENGE_REFUSED_REASON });
}

function knownRef(secret: string, providerRef: string): PaymentRef {
  const payment = verifyPaymentRef(secret, providerRef);
  if (payment === null)
    throw new ProviderError('bad_request', 'This simulation payment reference is not valid.');
  return payment;
}

/** A delayed payment settles once `now` reaches the time signed into its reference. */
export function reconcilePayment(secret: string, providerRef: string, now: Date): ProviderEvent[] {
  const payment = knownRef(secret, providerRef);
  if (payment.state === 'open') return [];
  if (payment.state === 'settling' && seconds(now) < payment.at) return [];
  return [event(payment, 'payment_succeeded', providerRef, new Date(payment.at * 1000))];
}

export function refundPayment(
  secret: string,
  providerRef: string,
  amount: number | undefined,
  idempotencyKey: string,
  now: Date,
): { refundId: string; amount: number } {
  const payment = knownRef(secret, providerRef);
  if (payment.state === 'open' || (payment.state === 'settling' && seconds(now) < payment.at)) {
    throw new ProviderError('bad_request', `Order ${payment.orderId} has no settled payment to refund.`);
  }
  const refunded = amount ?? payment.amount;
  if (!Number.isSafeInteger(refunded) || refunded <= 0 || refunded > payment.amount) {
    throw new ProviderError('bad_request', `A refund is between 1 and ${payment.amount} (minor units).`);
  }
  return { refundId: refundId(secret, payment.orderId, refunded, idempotencyKey), amount: refunded };
}
