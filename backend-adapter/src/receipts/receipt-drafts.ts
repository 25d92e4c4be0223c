import {
  buildReceiptDocument,
  receiptPaymentMethod,
  receiptYear,
  type AnnualSummary,
  type ReceiptDonor,
  type ReceiptDraft,
  type ReceiptIssuer,
  type ReceiptRecord,
} from '../domain/receipts';
import type { OrderRecord } from '../storage';

/** The drafts the service hands to the storage, one per kind; the issue keys make each one issuable once. */

export const donorName = (donor: ReceiptDonor): string =>
  donor.type === 'company' ? donor.name : `${donor.firstName} ${donor.lastName}`;

function draft(
  issuer: ReceiptIssuer,
  fields: Pick<ReceiptDraft, 'issueKey' | 'kind' | 'replaces' | 'orderIds' | 'email' | 'amount' | 'document'>,
  now: Date,
): ReceiptDraft {
  return {
    ...fields,
    year: receiptYear(now),
    prefix: issuer.prefix ?? null,
    donorName: donorName(fields.document.donor),
    currency: 'EUR',
    issuedAt: now,
  };
}

export function paymentDraft(
  issuer: ReceiptIssuer,
  order: OrderRecord,
  donor: ReceiptDonor,
  amount: number,
  now: Date,
): ReceiptDraft {
  const document = buildReceiptDocument({
    issuer,
    donor,
    amount,
    currency: 'EUR',
    paidOn: order.paidAt ?? now,
    paymentMethod: receiptPaymentMethod(order.provider, order.offlineMethod),
    issuedAt: now,
  });
  return draft(
    issuer,
    {
      issueKey: `payment:${order.id}`,
      kind: 'payment',
      replaces: null,
      orderIds: [order.id],
      email: order.email,
      amount,
      document,
    },
    now,
  );
}

export function annualDraft(
  issuer: ReceiptIssuer,
  summary: AnnualSummary & { donor: ReceiptDonor },
  year: number,
  now: Date,
): ReceiptDraft {
  const document = buildReceiptDocument({
    issuer,
    donor: summary.donor,
    amount: summary.amount,
    currency: 'EUR',
    period: { from: summary.from, to: summary.to },
    paymentMethod: 'transfer_debit_card',
    issuedAt: now,
  });
  return draft(
    issuer,
    {
      issueKey: `annual:${year}:${summary.email}`,
      kind: 'annual',
      replaces: null,
      orderIds: summary.orderIds,
      email: summary.email,
      amount: summary.amount,
      document,
    },
    now,
  );
}

/**
 * A receipt that cancels or corrects `current` ("annule et remplace"): the same gift (date or period, payment
 * method), the new amount or donor. A number is replaced at most once (the storage refuses a second), so the
 * key `correct:<number>:1` / `cancel:<number>` also makes a replayed request a no-op.
 */
export function replacementDraft(
  issuer: ReceiptIssuer,
  current: ReceiptRecord,
  change: { kind: 'cancellation' } | { kind: 'correction'; amount: number; donor: ReceiptDonor },
  now: Date,
): ReceiptDraft {
  const previous = current.document;
  const amount = change.kind === 'correction' ? change.amount : current.amount;
  const document = buildReceiptDocument({
    issuer,
    donor: change.kind === 'correction' ? change.donor : previous.donor,
    amount,
    currency: 'EUR',
    ...(previous.period ? { period: previous.period } : { paidOn: previous.paidOn ?? current.issuedAt }),
    paymentMethod: previous.paymentMethod,
    issuedAt: now,
    replaces: { number: current.number, reason: change.kind },
  });
  return draft(
    issuer,
    {
      issueKey: change.kind === 'cancellation' ? `cancel:${current.number}` : `correct:${current.number}:1`,
      kind: change.kind,
      replaces: current.number,
      orderIds: current.orderIds,
      email: current.email,
      amount,
      document,
    },
    now,
  );
}
