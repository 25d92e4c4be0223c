import { sha256Hex } from './sha256';
import type { ReceiptRecord } from './types';

/**
 * The receipts table is a hash chain (docs/receipts.md): each receipt's hash covers the previous one's, so a
 * row changed, removed or inserted after the fact shows at its position. PHP (Domain\Receipts\ReceiptChain)
 * must write the very same bytes, hence a canonical JSON with nothing left to either language's choice.
 */

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a receipt's hash covers, in the order they are listed (the JSON sorts them anyway). */
export const HASHED_FIELDS = [
  'amount',
  'currency',
  'document',
  'email',
  'issueKey',
  'issuedAt',
  'kind',
  'number',
  'orderIds',
  'position',
  'replaces',
] as const;

export type HashedReceipt = Pick<ReceiptRecord, (typeof HASHED_FIELDS)[number]>;

/** Code point order (what PHP's strcmp gives on UTF-8), not UTF-16 order (JavaScript's default sort). */
function byCodePoint(a: string, b: string): number {
  const left = Array.from(a, (char) => char.codePointAt(0) as number);
  const right = Array.from(b, (char) => char.codePointAt(0) as number);
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    if (left[i] !== right[i]) return (left[i] as number) - (right[i] as number);
  }
  return left.length - right.length;
}

/**
 * JSON with object keys sorted at every level, no whitespace, strings escaped as JSON.stringify does,
 * integers only (a float could print differently in PHP). Keys whose value is undefined are left out, as
 * JSON.stringify does; Dates are written as toISOString().
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isSafeInteger(value))
        throw new RangeError(`Canonical JSON carries integers only: ${value}`);
      return String(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item: unknown) => canonicalJson(item)).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, item]) => item !== undefined)
        .sort(([a], [b]) => byCodePoint(a, b));
      return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
    }
    default:
      throw new RangeError(`Canonical JSON cannot carry a ${typeof value}`);
  }
}

/** The canonical text of what a receipt's hash covers. */
export function receiptHashInput(record: HashedReceipt): string {
  const fields: Record<string, unknown> = {};
  for (const key of HASHED_FIELDS) fields[key] = record[key];
  fields.issuedAt = record.issuedAt.toISOString();
  return canonicalJson(fields);
}

/** Lower-case hex SHA-256 of `prevHash + "\n" + canonicalJson(fields)`. */
export function receiptHash(prevHash: string, record: HashedReceipt): string {
  if (!/^[0-9a-f]{64}$/.test(prevHash)) throw new RangeError('prevHash is 64 lower-case hex digits');
  return sha256Hex(`${prevHash}\n${receiptHashInput(record)}`);
}

export type ChainVerdict =
  { ok: true; count: number } | { ok: false; position: number; reason: 'position' | 'prev_hash' | 'hash' };

/**
 * Recomputes the whole chain in position order and names the first position that breaks it: `position` when
 * positions are not exactly 1, 2, 3… (a row missing or doubled), `prev_hash` when a row does not point at the
 * previous row's hash, `hash` when a row's content no longer matches its hash.
 */
export function verifyReceiptChain(
  records: ReadonlyArray<HashedReceipt & { prevHash: string; hash: string }>,
): ChainVerdict {
  const sorted = [...records].sort((a, b) => a.position - b.position);
  let previous = GENESIS_HASH;
  for (const [index, record] of sorted.entries()) {
    const expected = index + 1;
    if (record.position !== expected) return { ok: false, position: expected, reason: 'position' };
    if (record.prevHash !== previous) return { ok: false, position: expected, reason: 'prev_hash' };
    if (receiptHash(previous, record) !== record.hash)
      return { ok: false, position: expected, reason: 'hash' };
    previous = record.hash;
  }
  return { ok: true, count: sorted.length };
}
