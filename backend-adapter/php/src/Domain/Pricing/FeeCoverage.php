<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain\Pricing;

/** What a payer adds so the association still receives the net amount (pricing/fee-coverage.ts). */
final class FeeCoverage
{
    /**
     * What the processor keeps on a charge: ceil(amount × percent) + fixed, in minor units.
     * @param array{percentBps: int, fixed: int} $rule
     */
    public static function processorFee(int $amount, array $rule): int
    {
        $scaled = $amount * (int) $rule['percentBps'];
        return intdiv($scaled + 9999, 10000) + (int) $rule['fixed'];
    }

    /**
     * The smallest extra e with e ≥ fee(net + e): the closed-form estimate, nudged by a unit or two.
     * @param array{percentBps: int, fixed: int} $rule
     */
    public static function extra(int $net, array $rule): int
    {
        if ($net < 0) {
            throw new \InvalidArgumentException('Not an amount: ' . $net);
        }
        $bps = (int) $rule['percentBps'];
        if ($bps >= 10000) {
            throw new \InvalidArgumentException('A fee of 100 % or more cannot be covered');
        }
        if ($net === 0) {
            return 0;
        }
        $covers = static function (int $extra) use ($net, $rule): bool {
            return $extra >= self::processorFee($net + $extra, $rule);
        };
        $numerator = $net * $bps + (int) $rule['fixed'] * 10000;
        $denominator = 10000 - $bps;
        $extra = intdiv($numerator + $denominator - 1, $denominator);
        while (!$covers($extra)) {
            $extra++;
        }
        while ($extra > 0 && $covers($extra - 1)) {
            $extra--;
        }
        return $extra;
    }
}
