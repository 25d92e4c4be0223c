import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Order ids, status tokens, references and ticket codes: random, and unguessable where it matters. */

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(bytes: Buffer, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += CROCKFORD[(bytes[i] ?? 0) % 32];
  return out;
}

export const newOrderId = () => `ord_${randomBytes(12).toString('base64url')}`;
export const newItemId = (prefix: 'mbr' | 'tkt') => `${prefix}_${randomBytes(12).toString('base64url')}`;
/** The bearer of this token may read the order's status: 192 random bits. */
export const newStatusToken = () => randomBytes(24).toString('base64url');
/** Short enough to write on a cheque, without letters that read like digits. */
export const newReference = () => `G-${base32(randomBytes(8), 8)}`;
/** Printed on a ticket and typed at the door: 10 characters, 50 bits. */
export const newTicketCode = () => base32(randomBytes(10), 10);

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Compares a presented secret with a stored SHA-256 in constant time. */
export function matchesHash(presented: string, storedHash: string): boolean {
  const a = Buffer.from(sha256(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** JSON with sorted keys, so the same request hashes the same whatever the order of its fields. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
