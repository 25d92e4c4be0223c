import {
  auditReceiptSeries,
  formatReceiptNumber,
  parseReceiptNumber,
} from '../../backend-adapter/src/domain';
import { loadVectors } from './domain-vectors';

interface NumberCase {
  name: string;
  fn: 'format' | 'parse' | 'audit';
  input: { year: number; sequence: number; prefix: string | null; text: string; sequences: number[] };
  expected?: unknown;
  throws?: true;
}

const vectors = loadVectors<NumberCase>('receipts-numbers.json');

function run(c: NumberCase): unknown {
  const { input } = c;
  switch (c.fn) {
    case 'format':
      return formatReceiptNumber({ year: input.year, sequence: input.sequence }, input.prefix ?? undefined);
    case 'parse':
      return parseReceiptNumber(input.text);
    case 'audit':
      return auditReceiptSeries(input.sequences);
  }
}

describe('receipts numbers vectors', () => {
  it.each(vectors.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    if (c.throws) expect(() => run(c)).toThrow(RangeError);
    else expect(run(c)).toStrictEqual(c.expected);
  });
});
