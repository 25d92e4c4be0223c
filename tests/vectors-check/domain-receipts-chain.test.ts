import { createHash } from 'node:crypto';
import {
  canonicalJson,
  receiptHash,
  receiptHashInput,
  verifyReceiptChain,
  type HashedReceipt,
} from '../../backend-adapter/src/domain';
import { loadVectors } from './domain-vectors';

type JsonRecord = Omit<HashedReceipt, 'issuedAt'> & { issuedAt: string; prevHash?: string; hash?: string };

interface ChainCase {
  name: string;
  fn: 'canonicalJson' | 'receiptHash' | 'verifyReceiptChain';
  input: { value?: unknown; prevHash?: string; record?: JsonRecord; records?: JsonRecord[] };
  expected?: unknown;
  throws?: true;
}

const vectors = loadVectors<ChainCase>('receipts-chain.json');

function record(json: JsonRecord) {
  return { ...json, issuedAt: new Date(json.issuedAt), prevHash: json.prevHash ?? '', hash: json.hash ?? '' };
}

function run(c: ChainCase): unknown {
  switch (c.fn) {
    case 'canonicalJson':
      return canonicalJson(c.input.value);
    case 'receiptHash': {
      const rec = record(c.input.record as JsonRecord);
      return { canonical: receiptHashInput(rec), hash: receiptHash(c.input.prevHash as string, rec) };
    }
    case 'verifyReceiptChain':
      return verifyReceiptChain((c.input.records as JsonRecord[]).map(record));
  }
}

describe('receipts chain vectors', () => {
  it.each(vectors.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    if (c.throws) {
      expect(() => run(c)).toThrow(RangeError);
      return;
    }
    expect(run(c)).toEqual(c.expected);
    if (c.fn === 'receiptHash') {
      // The vector's hash is the SHA-256 of the canonical text it states: both were written independently.
      const { canonical, hash } = c.expected as { canonical: string; hash: string };
      const digest = createHash('sha256').update(`${c.input.prevHash}\n${canonical}`, 'utf8').digest('hex');
      expect(digest).toBe(hash);
    }
  });
});
