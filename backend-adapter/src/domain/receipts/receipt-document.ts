import type { OrderRequest } from '../../protocol';
import { domainError, type DomainError } from '../errors';
import { isBlank, isValidDate } from '../validation/fields';
import { requireText, optionalText, validateAddress } from '../validation/payer';
import { amountInWords } from './amount-in-words';
import { parisDate } from './receipt-dates';
import {
  BENEFICIARY_STATUSES,
  type PostalAddress,
  type ReceiptDocument,
  type ReceiptDonor,
  type ReceiptIssuer,
  type ReceiptPaymentMethod,
} from './types';

/**
 * What a receipt says, built once when it is issued (docs/receipts.md): the donor from the payer's request,
 * the cerfa's payment box, the whole frozen document, and the check of the issuer settings before any of it.
 */

function address(from: PostalAddress): PostalAddress {
  const out: PostalAddress = {
    line1: from.line1.trim(),
    postalCode: from.postalCode.trim(),
    city: from.city.trim(),
    country: from.country.trim(),
  };
  if (from.line2 !== undefined && from.line2.trim() !== '') out.line2 = from.line2.trim();
  return out;
}

/**
 * The donor as the cerfa names them: the company when the payer gave one (art. 238 bis), else the person
 * (art. 200). Null without a postal address: a receipt cannot be issued without one.
 */
export function receiptDonor(request: Pick<OrderRequest, 'payer'>): ReceiptDonor | null {
  const { payer } = request;
  if (!payer.address) return null;
  if (payer.company !== undefined && payer.company.trim() !== '') {
    return { type: 'company', name: payer.company.trim(), address: address(payer.address) };
  }
  return {
    type: 'individual',
    firstName: payer.firstName.trim(),
    lastName: payer.lastName.trim(),
    address: address(payer.address),
  };
}

/** The cerfa's "mode de versement": cheque and cash as such, every online payment and transfer as the third box. */
export function receiptPaymentMethod(
  provider: string,
  offlineMethod: string | null | undefined,
): ReceiptPaymentMethod {
  if (provider === 'offline' && offlineMethod === 'cheque') return 'cheque';
  if (provider === 'offline' && offlineMethod === 'cash') return 'cash';
  return 'transfer_debit_card';
}

export interface ReceiptDocumentInput {
  issuer: ReceiptIssuer;
  donor: ReceiptDonor;
  amount: number;
  currency: string;
  /** One gift: its date, as YYYY-MM-DD or the instant it was paid (read in Europe/Paris). */
  paidOn?: string | Date;
  /** Annual receipt: the dates covered, YYYY-MM-DD. Exactly one of paidOn and period. */
  period?: { from: string; to: string };
  paymentMethod: ReceiptPaymentMethod;
  issuedAt: Date;
  replaces?: { number: string; reason: 'correction' | 'cancellation' };
}

function day(value: string | Date, name: string): string {
  if (value instanceof Date) return parisDate(value);
  if (!isValidDate(value)) throw new RangeError(`${name} is not a YYYY-MM-DD date: ${value}`);
  return value;
}

/** The frozen document of a receipt. Throws (RangeError) on an input no receipt could carry. */
export function buildReceiptDocument(input: ReceiptDocumentInput): ReceiptDocument {
  const { issuer, donor } = input;
  if (input.currency !== 'EUR') throw new RangeError(`Tax receipts are in euros, not ${input.currency}`);
  if ((input.paidOn === undefined) === (input.period === undefined)) {
    throw new RangeError('A receipt has either the date of one gift (paidOn) or a period');
  }
  const beneficiary: ReceiptDocument['beneficiary'] = {
    name: issuer.name,
    address: address(issuer.address),
    object: issuer.object,
    status: issuer.status,
  };
  if (issuer.statusDetail !== undefined && issuer.statusDetail.trim() !== '') {
    beneficiary.statusDetail = issuer.statusDetail;
  }
  const document: ReceiptDocument = {
    version: 1,
    variant: donor.type,
    beneficiary,
    donor,
    amount: input.amount,
    currency: 'EUR',
    amountInWords: amountInWords(input.amount, 'EUR'),
    cgiArticles: donor.type === 'company' ? ['238 bis'] : ['200'],
    form: 'manual_gift_declaration',
    nature: 'cash_money',
    paymentMethod: input.paymentMethod,
    issuedOn: parisDate(input.issuedAt),
    signatory: { name: issuer.signatory.name, role: issuer.signatory.role },
  };
  if (input.paidOn !== undefined) document.paidOn = day(input.paidOn, 'paidOn');
  if (input.period !== undefined) {
    document.period = { from: day(input.period.from, 'period.from'), to: day(input.period.to, 'period.to') };
  }
  if (issuer.signatureImage !== undefined) {
    document.signatureImage = { type: issuer.signatureImage.type, data: issuer.signatureImage.data };
  }
  if (input.replaces !== undefined) {
    document.replaces = { number: input.replaces.number, reason: input.replaces.reason };
  }
  return document;
}

/** Limits of the issuer settings: what fits the cerfa's boxes (addresses as the protocol's). */
export const ISSUER_LIMITS = {
  name: 200,
  object: 500,
  statusDetail: 200,
  signatory: 100,
  prefix: 8,
  /** Base64 characters of the signature image (about 375 KB of image). */
  signatureImage: 500_000,
} as const;

/** Statuses whose cerfa box asks for a detail (decree date, kind of body). */
const DETAIL_REQUIRED = new Set<string>(['public_utility', 'other']);

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * Every problem of the issuer settings at once, as `required`, `too_long` ({max}), `invalid_choice`,
 * `invalid_postal_code` and `invalid_country` on fields `name`, `address.*`, `object`, `status`,
 * `statusDetail`, `signatory.name`, `signatory.role`, `prefix`, `signatureImage`. Empty: receipts can be
 * issued. Accepts anything (half-filled settings), never throws.
 */
export function validateReceiptIssuer(input: unknown): DomainError[] {
  const issuer = record(input);
  const errors: DomainError[] = [];
  requireText(errors, issuer.name, ISSUER_LIMITS.name, 'name');
  errors.push(...validateAddress(record(issuer.address) as unknown as PostalAddress, 'address'));
  requireText(errors, issuer.object, ISSUER_LIMITS.object, 'object');
  if (isBlank(issuer.status)) errors.push(domainError('required', 'status'));
  else if (!(BENEFICIARY_STATUSES as readonly string[]).includes(issuer.status as string)) {
    errors.push(domainError('invalid_choice', 'status'));
  }
  if (typeof issuer.status === 'string' && DETAIL_REQUIRED.has(issuer.status)) {
    requireText(errors, issuer.statusDetail, ISSUER_LIMITS.statusDetail, 'statusDetail');
  } else {
    optionalText(errors, issuer.statusDetail ?? undefined, ISSUER_LIMITS.statusDetail, 'statusDetail');
  }
  const signatory = record(issuer.signatory);
  requireText(errors, signatory.name, ISSUER_LIMITS.signatory, 'signatory.name');
  requireText(errors, signatory.role, ISSUER_LIMITS.signatory, 'signatory.role');
  const prefix = issuer.prefix;
  if (prefix !== undefined && prefix !== null && prefix !== '') {
    if (typeof prefix === 'string' && prefix.length > ISSUER_LIMITS.prefix) {
      errors.push(domainError('too_long', 'prefix', { max: ISSUER_LIMITS.prefix }));
    } else if (typeof prefix !== 'string' || !/^[A-Z]{1,8}$/.test(prefix)) {
      errors.push(domainError('invalid_choice', 'prefix'));
    }
  }
  if (issuer.signatureImage !== undefined && issuer.signatureImage !== null) {
    if (!isUsableSignature(record(issuer.signatureImage)))
      errors.push(domainError('invalid_choice', 'signatureImage'));
  }
  return errors;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The first bytes of a base64 text (enough to read a PNG's chunk list head or a JPEG's marker). */
function decodeBase64(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of clean) {
    value = (value << 6) | alphabet.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index] = (value >>> bits) & 0xff;
      index += 1;
    }
  }
  return out;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * What the PDF writers can embed as they are: a baseline or progressive JPEG, or an 8-bit grey or RGB PNG,
 * not interlaced, without transparency (no alpha channel, no tRNS chunk).
 */
function isUsableSignature(image: Record<string, unknown>): boolean {
  const { type, data } = image;
  if (type !== 'image/jpeg' && type !== 'image/png') return false;
  if (typeof data !== 'string' || data === '' || data.length > ISSUER_LIMITS.signatureImage) return false;
  if (!BASE64.test(data)) return false;
  const bytes = decodeBase64(data);
  if (type === 'image/jpeg') return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (bytes.length < 33 || PNG_SIGNATURE.some((byte, i) => bytes[i] !== byte)) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkType = (at: number) => String.fromCharCode(...bytes.subarray(at + 4, at + 8));
  if (chunkType(8) !== 'IHDR') return false;
  const [bitDepth, colorType, , , interlace] = [bytes[24], bytes[25], bytes[26], bytes[27], bytes[28]];
  if (bitDepth !== 8 || (colorType !== 0 && colorType !== 2) || interlace !== 0) return false;
  for (let at = 8; at + 8 <= bytes.length;) {
    const name = chunkType(at);
    if (name === 'tRNS') return false;
    if (name === 'IEND') return true;
    at += 12 + view.getUint32(at);
  }
  return false;
}
