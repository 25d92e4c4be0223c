import type { ReceiptRecord } from './types';

/**
 * What the association declares each year (art. 222 bis CGI): how many receipts it issued and the total they
 * certify. A receipt replaced by a later one (a correction or a cancellation naming it) no longer counts, a
 * correction counts in its place in the year it was issued, and cancellations certify nothing.
 */

export type TotalledReceipt = Pick<ReceiptRecord, 'number' | 'year' | 'kind' | 'amount' | 'replaces'>;

export interface ReceiptTotals {
  year: number;
  /** Receipts of the year still valid (not replaced), cancellations excluded. */
  count: number;
  /** Their amounts, minor units (cents). */
  amount: number;
  currency: 'EUR';
  /** Receipts of the year that a cancellation names. */
  cancelled: number;
  /** Receipts of the year that a correction replaces. */
  corrected: number;
}

/**
 * `records`: every receipt of the ledger, or at least those of `year` and those that replace them (a
 * correction issued in January names last year's receipt).
 */
export function receiptTotals(records: readonly TotalledReceipt[], year: number): ReceiptTotals {
  const replacedBy = new Map<string, TotalledReceipt['kind']>();
  for (const record of records) if (record.replaces !== null) replacedBy.set(record.replaces, record.kind);
  const totals: ReceiptTotals = { year, count: 0, amount: 0, currency: 'EUR', cancelled: 0, corrected: 0 };
  for (const record of records) {
    if (record.year !== year) continue;
    const replacement = replacedBy.get(record.number);
    if (replacement === 'cancellation') totals.cancelled += 1;
    else if (replacement !== undefined) totals.corrected += 1;
    if (replacement !== undefined || record.kind === 'cancellation') continue;
    totals.count += 1;
    totals.amount += record.amount;
  }
  return totals;
}
