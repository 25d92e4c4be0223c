/**
 * Stripe-shaped identifiers (`pi_…`, `cs_test_…`, `evt_…`). Random rather than sequential so tests cannot
 * come to depend on ordering or on a value that real Stripe would never return.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function randomToken(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return out;
}

export type IdPrefix =
  | 'cus'
  | 'prod'
  | 'price'
  | 'pi'
  | 'ch'
  | 'pm'
  | 'cs_test'
  | 'sub'
  | 'si'
  | 'in'
  | 'il'
  | 'ii'
  | 'inpay'
  | 'li'
  | 'seti'
  | 'setatt'
  | 're'
  | 'evt'
  | 'req'
  | 'mandate'
  | 'txn';

export function newId(prefix: IdPrefix): string {
  // Checkout Session ids are much longer than the others in real Stripe; keep that so column sizes get tested.
  return `${prefix}_${randomToken(prefix === 'cs_test' ? 58 : 24)}`;
}

export function clientSecret(id: string): string {
  return `${id}_secret_${randomToken(24)}`;
}
