import { feeCoverage, processorFee } from '../../backend-adapter/src/domain';
import type { FeeRule } from '../../backend-adapter/src/protocol';
import { loadVectors } from './domain-vectors';

interface FeeCase {
  name: string;
  fn: 'feeCoverage' | 'processorFee';
  input: { net?: number; amount?: number; rule: FeeRule };
  expected?: number;
  throws?: boolean;
}

const vectors = loadVectors<FeeCase>('fee-coverage.json');

describe('fee coverage vectors', () => {
  it.each(vectors.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const run = () =>
      c.fn === 'feeCoverage'
        ? feeCoverage(c.input.net ?? 0, c.input.rule)
        : processorFee(c.input.amount ?? 0, c.input.rule);
    if (c.throws) expect(run).toThrow();
    else expect(run()).toBe(c.expected);
  });
});
