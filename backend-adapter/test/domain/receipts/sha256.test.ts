import { createHash, createHmac, randomBytes } from 'node:crypto';
import { constantTimeEqual, hmacSha256Hex, sha256Hex } from '../../../src/domain/receipts/sha256';

describe('the domain SHA-256', () => {
  it('gives the FIPS 180-4 example digests', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('agrees with node:crypto on texts of every length around the block edges, accents included', () => {
    for (let length = 0; length <= 200; length += 1) {
      const text = 'é'.repeat(length % 7) + 'x'.repeat(length);
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
    const bytes = randomBytes(10_000);
    expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('agrees with node:crypto for HMAC, short and long keys', () => {
    for (const key of ['', 'secret', 'k'.repeat(64), 'k'.repeat(65), randomBytes(48).toString('hex')]) {
      expect(hmacSha256Hex(key, 'receipt:rcp_0123')).toBe(
        createHmac('sha256', key).update('receipt:rcp_0123').digest('hex'),
      );
    }
  });

  it('compares strings for equality', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
  });
});
