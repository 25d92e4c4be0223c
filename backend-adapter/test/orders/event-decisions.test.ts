import { decideProviderEvent } from '../../src/orders/event-decisions';
import type { ProviderEvent } from '../../src/providers';
import type { OrderRecord } from '../../src/storage';

const at = new Date('2026-06-01T10:00:00Z');
const order = (over: Partial<OrderRecord> = {}) =>
  ({
    id: 'ord_1',
    provider: 'stripe',
    status: 'pending',
    total: 3000,
    refundedAmount: 0,
    ...over,
  }) as OrderRecord;
const event = (type: ProviderEvent['type'], over: Partial<ProviderEvent> = {}): ProviderEvent => ({
  id: `evt_${type}`,
  type,
  occurredAt: at,
  ...over,
});

describe('what a verified provider event does to an order', () => {
  test('a payment sells the seats and records when it happened', () => {
    expect(
      decideProviderEvent(order(), event('payment_succeeded', { amount: 3000 }), 'stripe'),
    ).toMatchObject({
      type: 'change',
      change: { status: 'paid', paidAt: at, seats: 'sell' },
    });
  });

  test('a payment of another amount than the server’s price is refused', () => {
    expect(decideProviderEvent(order(), event('payment_succeeded', { amount: 100 }), 'stripe')).toMatchObject(
      {
        type: 'reject',
        code: 'amount_mismatch',
      },
    );
  });

  test('an event from another provider than the order’s is ignored', () => {
    expect(decideProviderEvent(order(), event('payment_succeeded'), 'simulation').type).toBe('ignore');
  });

  test('a late failure never undoes a payment; a repeated payment is a no-op', () => {
    expect(decideProviderEvent(order({ status: 'paid' }), event('payment_failed'), 'stripe')).toMatchObject({
      type: 'reject',
      code: 'illegal_transition',
    });
    expect(decideProviderEvent(order({ status: 'paid' }), event('payment_succeeded'), 'stripe').type).toBe(
      'ignore',
    );
  });

  test('refunds follow the running total: partial keeps the order paid, the whole returns the seats', () => {
    const paid = order({ status: 'paid' });
    expect(decideProviderEvent(paid, event('refunded', { amount: 1000 }), 'stripe')).toEqual({
      type: 'change',
      change: expect.objectContaining({ refundedAmount: 1000 }),
    });
    expect(
      decideProviderEvent({ ...paid, refundedAmount: 1000 }, event('refunded', { amount: 1000 }), 'stripe')
        .type,
    ).toBe('ignore');
    expect(
      decideProviderEvent({ ...paid, refundedAmount: 1000 }, event('refunded', { amount: 3000 }), 'stripe'),
    ).toMatchObject({
      type: 'change',
      change: { status: 'refunded', refundedAmount: 3000, seats: 'return' },
    });
  });

  test('a renewal is written in the history without touching the first payment', () => {
    const decision = decideProviderEvent(
      order({ status: 'paid' }),
      event('renewal_paid', { amount: 3000, subscriptionRef: 'sub_1' }),
      'stripe',
    );
    expect(decision).toEqual({
      type: 'change',
      change: {
        subscriptionRef: 'sub_1',
        note: { source: 'provider', action: 'renewal_paid', detail: '3000' },
      },
    });
  });
});
