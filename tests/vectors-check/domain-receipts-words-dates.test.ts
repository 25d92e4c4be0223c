import { amountInWords, parisDate, receiptYear } from '../../backend-adapter/src/domain';
import { loadVectors } from './domain-vectors';

interface WordsCase {
  name: string;
  input: { amount: number; currency: string };
  expected?: string;
  throws?: true;
}

interface DateCase {
  name: string;
  input: { at: string };
  expected: { year: number; day: string };
}

const words = loadVectors<WordsCase>('receipts-amount-in-words.json');
const dates = loadVectors<DateCase>('receipts-dates.json');

describe('receipts amount in words vectors', () => {
  it.each(words.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const run = () => amountInWords(c.input.amount, c.input.currency);
    if (c.throws) expect(run).toThrow(RangeError);
    else expect(run()).toBe(c.expected);
  });
});

describe('receipts dates vectors', () => {
  it.each(dates.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const at = new Date(c.input.at);
    expect({ year: receiptYear(at), day: parisDate(at) }).toEqual(c.expected);
  });
});
