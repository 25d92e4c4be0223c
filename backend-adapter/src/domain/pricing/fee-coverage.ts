import type { FeeRule } from '../../protocol';

/** What the processor keeps on a charge of `amount`: ceil(amount × percent) + fixed, in minor units. */
export function processorFee(amount: number, rule: FeeRule): number {
  return Math.ceil((amount * rule.percentBps) / 10_000) + rule.fixed;
}

/**
 * The smallest extra e such that, once the processor takes its fee on net + e, the association still
 * receives at least `net`: (net + e) − fee(net + e) ≥ net, i.e. e ≥ fee(net + e).
 *
 * e − fee(net + e) never decreases as e grows (the fee rises by at most one unit per unit of amount while
 * the percentage is below 100 %), so the closed-form estimate ceil((net × bps + fixed × 10000) / (10000 − bps))
 * only needs nudging by a unit or two to land on the exact smallest e. A free order (net 0) has no fee.
 */
export function feeCoverage(net: number, rule: FeeRule): number {
  if (!Number.isSafeInteger(net) || net < 0) throw new RangeError(`Not an amount: ${net}`);
  if (rule.percentBps >= 10_000) throw new RangeError('A fee of 100 % or more cannot be covered');
  if (net === 0) return 0;
  const covers = (extra: number) => extra >= processorFee(net + extra, rule);
  let extra = Math.ceil((net * rule.percentBps + rule.fixed * 10_000) / (10_000 - rule.percentBps));
  while (!covers(extra)) extra += 1;
  while (extra > 0 && covers(extra - 1)) extra -= 1;
  return extra;
}
