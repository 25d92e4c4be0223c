import { constantTimeEqual, hmacSha256Hex } from './sha256';

/**
 * A receipt's PDF is fetched through a link carrying a token, so the donor needs no account and nobody can
 * walk through the receipts of others: HMAC-SHA-256 of `receipt:<id>` under the site's secret.
 */

export function receiptLinkToken(secret: string, receiptId: string): string {
  if (secret === '') throw new RangeError('A receipt link needs the site secret');
  return hmacSha256Hex(secret, `receipt:${receiptId}`);
}

/** True when `token` is the token of `receiptId`; compared in constant time. */
export function verifyReceiptLinkToken(secret: string, receiptId: string, token: string): boolean {
  if (secret === '' || !/^[0-9a-f]{64}$/.test(token)) return false;
  return constantTimeEqual(receiptLinkToken(secret, receiptId), token);
}
