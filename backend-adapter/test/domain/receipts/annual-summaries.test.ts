import { annualSummaries, recurringDebits, type AnnualOrder } from '../../../src/domain/receipts';
import type { HistoryEntry, OrderRecord } from '../../../src/storage/types';

// A Node host's stored order and history feed the annual rules as they are: no mapping to write.
function stored(overrides: Partial<OrderRecord>): OrderRecord {
  return {
    id: 'ord_1',
    site: 'default',
    formId: 'dons',
    kind: 'donation',
    status: 'paid',
    currency: 'EUR',
    total: 1500,
    taxEligibleAmount: 1500,
    refundedAmount: 0,
    recurring: { interval: 'month' },
    lines: [],
    provider: 'stripe',
    providerRef: 'cs_1',
    paymentRef: null,
    subscriptionRef: 'sub_1',
    offlineMethod: null,
    locale: 'fr',
    email: 'Zoe@Example.org',
    firstName: 'Zoé',
    lastName: 'Lefèvre',
    request: {
      kind: 'donation',
      locale: 'fr',
      payment: { provider: 'stripe' },
      payer: {
        email: 'Zoe@Example.org',
        firstName: 'Zoé',
        lastName: 'Lefèvre',
        address: { line1: '3 allée des Tilleuls', postalCode: '69003', city: 'Lyon', country: 'FR' },
      },
      donation: { amount: 1500, frequency: 'monthly', taxReceipt: true },
    },
    reference: 'G-1',
    tokenHash: 'x',
    next: null,
    promoCode: null,
    createdAt: new Date('2025-11-05T09:00:00Z'),
    updatedAt: new Date('2025-11-05T09:00:00Z'),
    paidAt: new Date('2025-11-05T09:00:00Z'),
    expiresAt: null,
    failureCode: null,
    checkedAt: null,
    ...overrides,
  };
}

function line(at: string, action: string, detail: string | null): HistoryEntry {
  return { at: new Date(at), source: 'provider', action, fromStatus: null, toStatus: null, detail };
}

describe('annual receipts from stored orders', () => {
  it('count the first payment and the paid renewals of the year, not the failed one nor next year’s', () => {
    const order = stored({});
    const history = [
      line('2025-11-05T09:00:01Z', 'payment_succeeded', null),
      line('2025-12-05T09:00:00Z', 'renewal_failed', '1500'),
      line('2025-12-08T09:00:00Z', 'renewal_paid', '1500'),
      line('2026-01-05T09:00:00Z', 'renewal_paid', '1500'),
    ];
    const input: AnnualOrder = { ...order, debits: recurringDebits(order, history) };
    expect(annualSummaries([input], 2025)).toEqual([
      {
        email: 'zoe@example.org',
        orderIds: ['ord_1'],
        amount: 3000,
        debits: 2,
        donor: {
          type: 'individual',
          firstName: 'Zoé',
          lastName: 'Lefèvre',
          address: { line1: '3 allée des Tilleuls', postalCode: '69003', city: 'Lyon', country: 'FR' },
        },
        from: '2025-11-05',
        to: '2025-12-08',
      },
    ]);
  });

  it('issue nothing for an order whose every debit was refunded', () => {
    const order = stored({ status: 'refunded', refundedAmount: 1500 });
    expect(annualSummaries([{ ...order, debits: recurringDebits(order, []) }], 2025)).toEqual([]);
  });
});
