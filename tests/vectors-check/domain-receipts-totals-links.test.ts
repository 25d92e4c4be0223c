import {
  receiptLinkToken,
  receiptTotals,
  verifyReceiptLinkToken,
  type TotalledReceipt,
} from '../../backend-adapter/src/domain';
import { loadVectors } from './domain-vectors';

interface TotalsCase {
  name: string;
  input: { records: TotalledReceipt[]; year: number };
  expected: unknown;
}

interface LinkCase {
  name: string;
  fn: 'receiptLinkToken' | 'verifyReceiptLinkToken';
  input: { secret: string; receiptId: string; token?: string };
  expected?: unknown;
  throws?: true;
}

const totals = loadVectors<TotalsCase>('receipts-totals.json');
const links = loadVectors<LinkCase>('receipts-links.json');

describe('receipts totals vectors', () => {
  it.each(totals.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(receiptTotals(c.input.records, c.input.year)).toStrictEqual(c.expected);
  });
});

describe('receipts links vectors', () => {
  it.each(links.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { secret, receiptId, token } = c.input;
    const run = () =>
      c.fn === 'receiptLinkToken'
        ? receiptLinkToken(secret, receiptId)
        : verifyReceiptLinkToken(secret, receiptId, token as string);
    if (c.throws) expect(run).toThrow(RangeError);
    else expect(run()).toBe(c.expected);
  });
});
