import { receiptDonor } from './receipt-document';
import { parisDate, receiptYear } from './receipt-dates';
import type { AnnualOrder, AnnualSummary, RecurringDebit } from './types';

/**
 * Recurring gifts get one receipt per donor and calendar year (docs/receipts.md): the debits actually paid
 * that year (Europe/Paris), the eligible part of each, grouped by e-mail address.
 */

/** A history line as hosts keep them (Node HistoryEntry, PHP history arrays). */
export interface DebitHistoryLine {
  at: Date;
  action: string;
  /** The amount charged, as the provider reported it (decimal minor units), when known. */
  detail?: string | null;
}

/**
 * The debits of a recurring order, from the order and its history: the first payment (paidAt, for the
 * order's total), then every `renewal_paid` / `renewal_failed` line (for the amount in its detail, else the
 * total), oldest first.
 */
export function recurringDebits(
  order: { total: number; paidAt: Date | null },
  history: readonly DebitHistoryLine[],
): RecurringDebit[] {
  const debits: RecurringDebit[] = [];
  if (order.paidAt) debits.push({ at: order.paidAt, amount: order.total, paid: true });
  for (const line of history) {
    if (line.action !== 'renewal_paid' && line.action !== 'renewal_failed') continue;
    const amount =
      typeof line.detail === 'string' && /^\d{1,15}$/.test(line.detail) ? Number(line.detail) : order.total;
    debits.push({ at: line.at, amount, paid: line.action === 'renewal_paid' });
  }
  return debits.sort((a, b) => a.at.getTime() - b.at.getTime());
}

const COUNTED_STATUSES = new Set(['paid', 'refunded']);

interface OrderShare {
  order: AnnualOrder;
  amount: number;
  debits: number;
  first: Date;
  last: Date;
}

function shareOf(order: AnnualOrder, year: number): OrderShare | null {
  if (order.recurring === null || order.currency !== 'EUR' || !COUNTED_STATUSES.has(order.status))
    return null;
  if (order.taxEligibleAmount <= 0) return null;
  const paid = order.debits.filter((debit) => debit.paid && receiptYear(debit.at) === year);
  if (paid.length === 0) return null;
  const eligible = paid.reduce((sum, debit) => sum + Math.min(debit.amount, order.taxEligibleAmount), 0);
  // The refund cannot be tied to one debit: taking it off this year never certifies money given back.
  const amount = Math.max(0, eligible - (order.refundedAmount ?? 0));
  if (amount === 0) return null;
  const times = paid.map((debit) => debit.at.getTime());
  return {
    order,
    amount,
    debits: paid.length,
    first: new Date(Math.min(...times)),
    last: new Date(Math.max(...times)),
  };
}

/** One summary per donor e-mail with something to certify for `year`, sorted by e-mail. */
export function annualSummaries(orders: readonly AnnualOrder[], year: number): AnnualSummary[] {
  const byEmail = new Map<string, OrderShare[]>();
  for (const order of orders) {
    const share = shareOf(order, year);
    if (!share) continue;
    const email = order.email.trim().toLowerCase();
    byEmail.set(email, [...(byEmail.get(email) ?? []), share]);
  }
  const summaries: AnnualSummary[] = [];
  for (const [email, shares] of byEmail) {
    shares.sort((a, b) => a.first.getTime() - b.first.getTime() || (a.order.id < b.order.id ? -1 : 1));
    const latestFirst = [...shares].sort(
      (a, b) => b.last.getTime() - a.last.getTime() || (a.order.id < b.order.id ? 1 : -1),
    );
    let donor = null;
    for (const share of latestFirst) {
      donor = receiptDonor(share.order.request);
      if (donor) break;
    }
    const first = Math.min(...shares.map((share) => share.first.getTime()));
    const last = Math.max(...shares.map((share) => share.last.getTime()));
    summaries.push({
      email,
      orderIds: shares.map((share) => share.order.id),
      amount: shares.reduce((sum, share) => sum + share.amount, 0),
      debits: shares.reduce((sum, share) => sum + share.debits, 0),
      donor,
      from: parisDate(new Date(first)),
      to: parisDate(new Date(last)),
    });
  }
  return summaries.sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
}
