import type { OrderStatusValue } from '../protocol';

/**
 * What may move an order: a verified provider event or an authorised back-office action (a treasurer marking
 * a cheque as received sends `payment_succeeded` too).
 */
export type PaymentEvent =
  | 'payment_succeeded'
  | 'payment_failed'
  | 'expired'
  | 'refunded'
  | 'dispute_opened'
  | 'dispute_won'
  | 'dispute_lost';

export const PAYMENT_EVENTS: readonly PaymentEvent[] = [
  'payment_succeeded',
  'payment_failed',
  'expired',
  'refunded',
  'dispute_opened',
  'dispute_won',
  'dispute_lost',
];

export const ORDER_STATUSES: readonly OrderStatusValue[] = [
  'pending',
  'paid',
  'failed',
  'expired',
  'refunded',
  'disputed',
];

/**
 * The whole machine: from → event → to. Beyond pending → paid | failed | expired and paid → refunded | disputed:
 * - failed/expired → paid: a provider may still take the money after a declined attempt (Stripe lets the
 *   payer retry on the same payment) or after our own expiry raced its confirmation. Money that was taken
 *   must be recorded; the host re-checks ticket stock when it applies such a late payment.
 * - disputed → paid when the association wins the dispute, → refunded when the bank takes the money back.
 * Everything absent is illegal: e.g. a late `payment_failed` after `paid` must never undo a payment.
 */
const TABLE: Readonly<Record<OrderStatusValue, Partial<Record<PaymentEvent, OrderStatusValue>>>> = {
  pending: { payment_succeeded: 'paid', payment_failed: 'failed', expired: 'expired' },
  failed: { payment_succeeded: 'paid' },
  expired: { payment_succeeded: 'paid' },
  paid: { refunded: 'refunded', dispute_opened: 'disputed' },
  disputed: { dispute_won: 'paid', dispute_lost: 'refunded' },
  refunded: {},
};

/** The status each event leads to: receiving it again in that status is a duplicate, not an error. */
const RESULT_OF: Readonly<Record<PaymentEvent, OrderStatusValue>> = {
  payment_succeeded: 'paid',
  payment_failed: 'failed',
  expired: 'expired',
  refunded: 'refunded',
  dispute_opened: 'disputed',
  dispute_won: 'paid',
  dispute_lost: 'refunded',
};

export type TransitionResult =
  | { ok: true; to: OrderStatusValue; duplicate: boolean }
  | { ok: false; code: 'illegal_transition'; from: OrderStatusValue; event: PaymentEvent };

/**
 * Where `event` takes an order in status `from`. Providers redeliver events, so an event whose result is
 * already the current status answers `{ ok: true, to: from, duplicate: true }`: the host applies nothing.
 */
export function transition(from: OrderStatusValue, event: PaymentEvent): TransitionResult {
  const to = TABLE[from][event];
  if (to !== undefined) return { ok: true, to, duplicate: false };
  if (RESULT_OF[event] === from) return { ok: true, to: from, duplicate: true };
  return { ok: false, code: 'illegal_transition', from, event };
}

/** Statuses no event will ever leave. */
export function isFinalStatus(status: OrderStatusValue): boolean {
  return Object.keys(TABLE[status]).length === 0;
}
