import { feeCoverage, processorFee } from '../../../src/domain/pricing/fee-coverage';

/** The definition, searched the slow way: the smallest e with (net + e) − fee(net + e) ≥ net. */
function bySearch(net: number, rule: { percentBps: number; fixed: number }): number {
  for (let extra = 0; ; extra += 1) if (net + extra - processorFee(net + extra, rule) >= net) return extra;
}

describe('feeCoverage', () => {
  it('matches the definition for every amount up to 200 € under common European fee rules', () => {
    const rules = [
      { percentBps: 150, fixed: 25 },
      { percentBps: 250, fixed: 25 },
      { percentBps: 290, fixed: 30 },
      { percentBps: 0, fixed: 35 },
      { percentBps: 1400, fixed: 0 },
    ];
    for (const rule of rules) {
      for (let net = 0; net <= 20_000; net += 7) {
        const expected = net === 0 ? 0 : bySearch(net, rule);
        if (feeCoverage(net, rule) !== expected) throw new Error(`net ${net}, rule ${JSON.stringify(rule)}`);
      }
    }
  });

  it('always lets the association receive at least the net amount, never a cent more than needed', () => {
    const rule = { percentBps: 150, fixed: 25 };
    for (const net of [1, 99, 2_500, 123_456, 99_999_999]) {
      const extra = feeCoverage(net, rule);
      expect(net + extra - processorFee(net + extra, rule)).toBeGreaterThanOrEqual(net);
      expect(net + extra - 1 - processorFee(net + extra - 1, rule)).toBeLessThan(net);
    }
  });

  it('refuses amounts that are not whole minor units', () => {
    expect(() => feeCoverage(12.5, { percentBps: 150, fixed: 25 })).toThrow(RangeError);
    expect(() => feeCoverage(-1, { percentBps: 150, fixed: 25 })).toThrow(RangeError);
  });
});
