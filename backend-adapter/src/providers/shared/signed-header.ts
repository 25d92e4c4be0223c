import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The `t=<unix seconds>,v1=<hex>` signature scheme Stripe uses for its webhooks, which the simulation provider
 * reuses so every host exercises one verify-the-raw-body-first path. v1 = lowercase hex of
 * HMAC-SHA256(key = the whole secret string as UTF-8 bytes, message = "<t>.<raw body bytes>").
 *
 * Our acceptance rule (the same in the PHP adapter): reject when |now − t| > tolerance — stripe-php's rule,
 * stricter than stripe-node which lets any future timestamp through — and accept when any v1 matches, so a
 * rotated secret's two signatures both work. Other schemes (v0…) are ignored.
 */

export const DEFAULT_TOLERANCE_SECONDS = 300;

export type SignatureFailure =
  | 'empty_body'
  | 'missing_header'
  | 'malformed_header'
  | 'no_v1_signature'
  | 'timestamp_outside_tolerance'
  | 'no_matching_signature';

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: SignatureFailure };

interface ParsedHeader {
  timestamp: number | null;
  v1: string[];
}

/** Items are split on "," then on their first "=", without trimming: " v1" is not v1 (Stripe never sends spaces). */
function parseHeader(header: string): ParsedHeader {
  const parsed: ParsedHeader = { timestamp: null, v1: [] };
  for (const item of header.split(',')) {
    const at = item.indexOf('=');
    if (at <= 0) continue;
    const key = item.slice(0, at);
    const value = item.slice(at + 1);
    if (key === 't' && /^\d{1,15}$/.test(value)) parsed.timestamp = Number(value);
    else if (key === 'v1') parsed.v1.push(value);
  }
  return parsed;
}

export function computeSignature(rawBody: Buffer | string, secret: string, timestamp: number): string {
  return createHmac('sha256', secret)
    .update(`${timestamp}.`, 'utf8')
    .update(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody)
    .digest('hex');
}

/** A header as the sender writes it: used by the simulation provider's own events and by tests. */
export function signatureHeader(rawBody: Buffer | string, secret: string, timestamp: number): string {
  return `t=${timestamp},v1=${computeSignature(rawBody, secret, timestamp)}`;
}

/** Exact text comparison, as stripe-node and PHP's hash_equals do: an upper-case hex signature does not match. */
function sameSignature(expected: string, candidate: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(candidate, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function checkSignature(
  rawBody: Buffer,
  header: string | undefined,
  secret: string,
  now: Date,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): SignatureCheck {
  if (header === undefined || header === '') return { ok: false, reason: 'missing_header' };
  // No Stripe event is empty, even one correctly signed.
  if (rawBody.length === 0) return { ok: false, reason: 'empty_body' };
  const { timestamp, v1 } = parseHeader(header);
  if (timestamp === null) return { ok: false, reason: 'malformed_header' };
  if (v1.length === 0) return { ok: false, reason: 'no_v1_signature' };
  if (Math.abs(Math.floor(now.getTime() / 1000) - timestamp) > toleranceSeconds) {
    return { ok: false, reason: 'timestamp_outside_tolerance' };
  }
  const expected = computeSignature(rawBody, secret, timestamp);
  // Every candidate is compared, so the time taken does not depend on which one matched.
  const matches = v1.map((candidate) => sameSignature(expected, candidate));
  return matches.includes(true) ? { ok: true, timestamp } : { ok: false, reason: 'no_matching_signature' };
}

/** One header value out of Node's headers object, whatever the case the sender used. */
export function headerValue(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    return Array.isArray(value) ? value.join(',') : value;
  }
  return undefined;
}
