import { transition, type PaymentEvent } from '../domain';
import type { ProviderEvent } from '../providers';
import type { Decision, OrderChange, OrderRecord } from '../storage';

/**
 * What a verified provider event does to an order: the domain's state machine says whether the status may
 * move, this says what else moves with it (seats, dates, amounts, references). Pure: it runs inside the
 * storage transaction with the order row locked.
 */
export function decideProviderEvent(order: OrderRecord, event: ProviderEvent, provider: string): Decision {
  if (order.provider !== provider) return { type: 'ignore', reason: `order paid through ${order.provider}` };
  const note: OrderChange['note'] = { source: 'provider', action: event.type };
  const refs: Partial<OrderChange> = {};
  if (event.providerRef) refs.providerRef = event.providerRef;
  if (event.paymentRef) refs.paymentRef = event.paymentRef;
  if (event.subscriptionRef) refs.subscriptionRef = event.subscriptionRef;

  switch (event.type) {
    case 'payment_succeeded': {
      if (event.amount !== undefined && event.amount !== order.total && order.status === 'pending') {
        // The provider charged something else than the server's price: never record it as this order's payment.
        return { type: 'reject', code: 'amount_mismatch', params: { total: event.amount } };
      }
      return move(order, 'payment_succeeded', {
        ...refs,
        paidAt: event.occurredAt,
        failureCode: null,
        next: null,
        seats: 'sell',
        note,
      });
    }
    case 'payment_failed':
      // Seats go back on sale; a later success with another card re-takes them (and says so if oversold).
      return move(order, 'payment_failed', {
        ...refs,
        failureCode: event.failure?.code ?? 'payment_failed',
        seats: 'release',
        note,
      });
    case 'payment_expired':
      return move(order, 'expired', { ...refs, next: null, seats: 'release', note });
    case 'disputed':
      return move(order, 'dispute_opened', { ...refs, note: { ...note, detail: amountDetail(event) } });
    case 'refunded':
      return refund(order, event.amount ?? order.total, { ...refs, note });
    case 'payment_processing':
      if (order.status !== 'pending') return { type: 'ignore', reason: `already ${order.status}` };
      return { type: 'change', change: { ...refs, note } };
    case 'renewal_paid':
    case 'renewal_failed':
    case 'subscription_ended':
      // Renewals keep the original order as it is; the history shows each one for the treasurer.
      return { type: 'change', change: { ...refs, note: { ...note, detail: amountDetail(event) } } };
  }
}

/**
 * `total` is the order's running refunded amount (a provider reports the cumulative figure), so a replayed or
 * reordered partial refund never counts twice. The order turns `refunded` once all of it went back.
 */
export function refund(order: OrderRecord, total: number, change: Omit<OrderChange, 'status'>): Decision {
  const refunded = Math.min(order.total, Math.max(order.refundedAmount, total));
  if (refunded === order.refundedAmount) return { type: 'ignore', reason: 'refund already counted' };
  if (order.status !== 'paid') {
    return { type: 'reject', code: 'illegal_transition', params: { from: order.status, to: 'refunded' } };
  }
  if (refunded < order.total) return { type: 'change', change: { ...change, refundedAmount: refunded } };
  return move(order, 'refunded', { ...change, refundedAmount: refunded, seats: 'return' });
}

/** Applies the domain's transition; a repeated result is a no-op, an illegal move is refused. */
export function move(order: OrderRecord, event: PaymentEvent, change: OrderChange): Decision {
  const result = transition(order.status, event);
  if (!result.ok)
    return { type: 'reject', code: 'illegal_transition', params: { from: order.status, to: event } };
  if (result.duplicate) return { type: 'ignore', reason: `already ${order.status}` };
  // Seats: selling a seat again after a late payment is right (the hold lapsed); returning needs a sale.
  return { type: 'change', change: { ...change, status: result.to } };
}

function amountDetail(event: ProviderEvent): string | undefined {
  return event.amount === undefined ? undefined : String(event.amount);
}
