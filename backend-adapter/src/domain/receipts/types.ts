import type { OrderRequest } from '../../protocol';

/**
 * The shapes of tax receipts (reçus fiscaux, cerfa 11580*05), shared by every host. PHP hosts use the same
 * keys in associative arrays (instants as RFC 3339 UTC text with milliseconds, Domain\Instant::format), so a
 * receipt hashes to the same value whichever adapter issued it. See docs/receipts.md.
 */

export interface PostalAddress {
  line1: string;
  line2?: string;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

/**
 * The beneficiary's status, as the boxes of the cerfa's first frame. Exactly one is ticked; `statusDetail`
 * carries what the box asks for (the decree date for `public_utility`, the kind of body for `other`).
 */
export const BENEFICIARY_STATUSES = [
  'general_interest',
  'public_utility',
  'food_aid_or_care',
  'cultural_or_festival',
  'religious_alsace_moselle',
  'research',
  'higher_education',
  'corporate_foundation',
  'other',
] as const;
export type BeneficiaryStatus = (typeof BENEFICIARY_STATUSES)[number];

export interface SignatureImage {
  type: 'image/jpeg' | 'image/png';
  /** Base64 of the file: JPEG, or 8-bit PNG without transparency or interlacing. */
  data: string;
}

/** What the association fills in once (host settings) before any receipt can be issued. */
export interface ReceiptIssuer {
  name: string;
  address: PostalAddress;
  /** "Objet" of the association, one or two sentences. */
  object: string;
  status: BeneficiaryStatus;
  statusDetail?: string;
  /** Upper-case letters put before every number ("RF" → RF-2026-00001). */
  prefix?: string;
  signatory: { name: string; role: string };
  signatureImage?: SignatureImage;
}

export type ReceiptDonor =
  | { type: 'individual'; firstName: string; lastName: string; address: PostalAddress }
  | { type: 'company'; name: string; siren?: string; address: PostalAddress };

/** The cerfa's "mode de versement" boxes for gifts in cash (numéraire). */
export type ReceiptPaymentMethod = 'cash' | 'cheque' | 'transfer_debit_card';

export type ReceiptKind = 'payment' | 'annual' | 'correction' | 'cancellation';

/**
 * Every mention printed on a receipt, frozen when it is issued: the PDF is rendered from this (and the
 * number) alone, byte for byte the same each time, so a receipt never changes after the fact even when the
 * settings do. Built by the domain (buildReceiptDocument), never by hand.
 */
export interface ReceiptDocument {
  version: 1;
  /** Individuals: art. 200 CGI; companies: art. 238 bis. */
  variant: 'individual' | 'company';
  beneficiary: {
    name: string;
    address: PostalAddress;
    object: string;
    status: BeneficiaryStatus;
    statusDetail?: string;
  };
  donor: ReceiptDonor;
  /** Minor units (cents). For a cancellation, the amount of the receipt it cancels. */
  amount: number;
  currency: 'EUR';
  /** French, e.g. "cent vingt-trois euros et quarante-cinq centimes". */
  amountInWords: string;
  /** One gift: its date (Europe/Paris, YYYY-MM-DD). */
  paidOn?: string;
  /** Annual summary: the period covered (YYYY-MM-DD, both included). */
  period?: { from: string; to: string };
  /** The article(s) ticked in the certification sentence. */
  cgiArticles: Array<'200' | '238 bis'>;
  /** Online and card gifts are "déclaration de don manuel"; nature "numéraire". */
  form: 'manual_gift_declaration';
  nature: 'cash_money';
  paymentMethod: ReceiptPaymentMethod;
  /** Date of the receipt (Europe/Paris, YYYY-MM-DD), next to the signature. */
  issuedOn: string;
  signatory: { name: string; role: string };
  signatureImage?: SignatureImage;
  /** A correction or cancellation names the receipt it replaces or cancels. */
  replaces?: { number: string; reason: 'correction' | 'cancellation' };
}

/**
 * What a host asks its storage to issue. The storage allocates year sequence, ledger position, number,
 * prevHash and hash atomically (docs/receipts.md), or returns the receipt already issued under `issueKey`.
 */
export interface ReceiptDraft {
  /** One receipt per key, ever: `payment:<orderId>`, `annual:<year>:<email>`, `cancel:<number>`, `correct:<number>:<n>`. */
  issueKey: string;
  kind: ReceiptKind;
  /** The series: the calendar year of issuedAt in Europe/Paris (receiptYear). */
  year: number;
  prefix: string | null;
  /** Number of the receipt corrected or cancelled. */
  replaces: string | null;
  orderIds: string[];
  email: string;
  /** "Prénom Nom" or the company, for lists and searches. */
  donorName: string;
  amount: number;
  currency: 'EUR';
  issuedAt: Date;
  document: ReceiptDocument;
}

/** A receipt as stored: append-only, one ledger entry each. */
export interface ReceiptRecord extends ReceiptDraft {
  /** Opaque, unguessable enough for a signed link: `rcp_` + 24 hex. */
  id: string;
  /** formatReceiptNumber({year, sequence}, prefix). */
  number: string;
  sequence: number;
  /** 1, 2, 3… across years: the order of the hash chain. */
  position: number;
  /** Hash of the previous position (64 zeros for the first). */
  prevHash: string;
  /** receiptHash(prevHash, this): sha-256 hex. */
  hash: string;
}

/** One debit of a recurring order: its first payment, or a renewal that was paid or failed. */
export interface RecurringDebit {
  at: Date;
  /** Minor units (cents) charged, or that the failed attempt asked for. */
  amount: number;
  paid: boolean;
}

/**
 * A recurring order as annualSummaries reads it. Hosts build `debits` with recurringDebits(order, history)
 * from the stored order and its history (`renewal_paid` / `renewal_failed` lines), never by hand.
 */
export interface AnnualOrder {
  id: string;
  email: string;
  /** Only `paid` and `refunded` orders count (a disputed one waits for the dispute's outcome). */
  status: string;
  recurring: { interval: 'month' | 'year' } | null;
  /** Per debit: the eligible part of a paid debit is min(debit amount, taxEligibleAmount). */
  taxEligibleAmount: number;
  total: number;
  currency: string;
  paidAt: Date | null;
  /** What was refunded on the order (its running total); taken off the year's eligible sum. Default 0. */
  refundedAmount?: number;
  /** The payer's request, for the donor printed on the receipt. */
  request: OrderRequest;
  debits: RecurringDebit[];
}

/** One donor's yearly receipt-to-be: the recurring gifts of one e-mail address (case-insensitive). */
export interface AnnualSummary {
  /** Lower-cased, trimmed: the key of `annual:<year>:<email>`. */
  email: string;
  /** Orders that count, by their first debit of the year. */
  orderIds: string[];
  /** Eligible minor units (cents) paid in the year, refunds taken off. */
  amount: number;
  /** How many paid debits of the year count. */
  debits: number;
  /** From the latest order counted that has a postal address; null when none has one (no receipt then). */
  donor: ReceiptDonor | null;
  /** Europe/Paris dates (YYYY-MM-DD) of the first and last debits counted. */
  from: string;
  to: string;
}
