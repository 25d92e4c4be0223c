import type { FeeRule } from '../../protocol';

/** What the processor keeps on a charge of `amount`: ceil(amount × percent) + fixed, in minor units. */
export function processorFee(amount: number, rule: FeeRule): number {
  return Math.ceil((amount * rule.percentBps) / 10_000) + rule.fixed;
}

/**
 * The smallest extra e such that, once the processor takes its fee on net + e, the association still
 * receives at least `net`: (net + e) − fee(net + e) ≥ net, i.e. e − fixed ≥ ceil((net + e) × bps / 10000).
 * An integer is at least the ceiling of a number exactly when it is at least the number itself, so this is
 * e × (10000 − bps) ≥ net × bps + fixed × 10000, whose smallest integer solution is the ceiling below. Its
 * numerator is an exact integer under 2^53 for any net up to 9 × 10^11 (the protocol's maximum is 10^10), and
 * then Math.ceil of the quotient is exact too. A free order (net 0) has no fee.
 */
export function feeCoverage(net: number, rule: FeeRule): number {
  if (!Number.isSafeInteger(net) || net < 0) throw new RangeError(`Not an amount: ${net}`);
  if (rule.percentBps >= 10_000) throw new RangeError('Fee of 100 % or more');
  if (net === 0) return 0;
  return Math.ceil((net * rule.percentBps + rule.fixed * 10_000) / (10_000 - rule.percentBps));
}
