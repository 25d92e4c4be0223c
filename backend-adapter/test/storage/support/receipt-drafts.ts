import type { ReceiptDocument, ReceiptDraft } from '../../../src/domain/receipts/types';
import type { ReceiptStorage } from '../../../src/storage';

/**
 * Receipt drafts for storage tests. The document is a plausible frozen cerfa, written out here because the
 * storage only stores and hashes it (the service builds real ones with the domain's buildReceiptDocument).
 */
export function receiptDraft(
  key: string,
  opts: {
    year?: number;
    amount?: number;
    email?: string;
    replaces?: string;
    orderIds?: string[];
    prefix?: string;
  } = {},
): ReceiptDraft {
  const year = opts.year ?? 2026;
  const amount = opts.amount ?? 5000;
  const issuedAt = new Date(`${year}-03-01T09:30:00.000Z`);
  const document: ReceiptDocument = {
    version: 1,
    variant: 'individual',
    beneficiary: {
      name: 'Les Amis du Quartier',
      address: { line1: '1 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' },
      object: 'Animer le quartier.',
      status: 'general_interest',
    },
    donor: {
      type: 'individual',
      firstName: 'Ada',
      lastName: 'Lovelace',
      address: { line1: '12 rue des Lilas', postalCode: '69003', city: 'Lyon', country: 'FR' },
    },
    amount,
    currency: 'EUR',
    amountInWords: 'cinquante euros',
    paidOn: `${year}-03-01`,
    cgiArticles: ['200'],
    form: 'manual_gift_declaration',
    nature: 'cash_money',
    paymentMethod: 'transfer_debit_card',
    issuedOn: `${year}-03-01`,
    signatory: { name: 'Marie Curie', role: 'Trésorière' },
  };
  return {
    issueKey: key,
    kind: opts.replaces ? 'correction' : 'payment',
    year,
    prefix: opts.prefix ?? null,
    replaces: opts.replaces ?? null,
    orderIds: opts.orderIds ?? [`ord_${key}`],
    email: opts.email ?? 'ada@example.org',
    donorName: 'Ada Lovelace',
    amount,
    currency: 'EUR',
    issuedAt,
    document,
  };
}

/** A draft as a concurrency test hands it to an issuing process (JSON-friendly). */
export interface DraftSpec {
  key: string;
  year: number;
  /** A negative amount: the database refuses the row after the sequence was taken, which must leave no hole. */
  invalid?: boolean;
}

export type IssueOutcome = { key: string; number: string; created: boolean } | { key: string; error: string };

/** Issues every draft at once; a refused draft is reported, not thrown. */
export function issueAll(
  storage: Pick<ReceiptStorage, 'issueReceipt'>,
  specs: readonly DraftSpec[],
): Promise<IssueOutcome[]> {
  return Promise.all(
    specs.map((spec) =>
      storage
        .issueReceipt(
          'demo',
          receiptDraft(spec.key, { year: spec.year, ...(spec.invalid ? { amount: -1 } : {}) }),
        )
        .then(
          (r): IssueOutcome => ({ key: spec.key, number: r.record.number, created: r.created }),
          (err: unknown): IssueOutcome => ({
            key: spec.key,
            error: err instanceof Error ? err.message : String(err),
          }),
        ),
    ),
  );
}
