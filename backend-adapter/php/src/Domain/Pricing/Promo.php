<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain\Pricing;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Domain\Js;

/** Promo codes of ticket forms (pricing/promo.ts). */
final class Promo
{
    /**
     * Payers type codes in any case and with stray spaces; the configured spelling is kept for counting uses.
     * @param array<string, mixed> $form
     * @return array<string, mixed>|null
     */
    public static function find(array $form, string $typed): ?array
    {
        $wanted = Js::upper(Js::trim($typed));
        if ($wanted === '') {
            return null;
        }
        foreach ($form['tickets']['promoCodes'] ?? [] as $promo) {
            if (Js::upper((string) $promo['code']) === $wanted) {
                return $promo;
            }
        }
        return null;
    }

    /** @param array<string, mixed> $promo @param string[] $orderedTypeIds */
    public static function applies(array $promo, array $orderedTypeIds): bool
    {
        if (!isset($promo['ticketTypes'])) {
            return true;
        }
        foreach ($orderedTypeIds as $id) {
            if (in_array($id, $promo['ticketTypes'], true)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why a code cannot be used now, or null. validUntil is inclusive; $uses counts orders that used it.
     * @param array<string, mixed>|null $promo
     * @param string[] $orderedTypeIds
     */
    public static function problem(?array $promo, \DateTimeImmutable $now, int $uses, array $orderedTypeIds): ?string
    {
        if ($promo === null) {
            return 'invalid_promo_code';
        }
        if (isset($promo['validUntil']) && Instant::millis($now) > Instant::millis(Instant::of($promo['validUntil']))) {
            return 'promo_code_expired';
        }
        if (isset($promo['maxUses']) && $uses >= (int) $promo['maxUses']) {
            return 'promo_code_exhausted';
        }
        if (!self::applies($promo, $orderedTypeIds)) {
            return 'invalid_promo_code';
        }
        return null;
    }

    /** x × bps / 10000 rounded half up, in integers. */
    public static function percentOf(int $amount, int $bps): int
    {
        return intdiv($amount * $bps + 5000, 10000);
    }

    /**
     * The discount (positive, to subtract) on the lines the code applies to: a percentage rounded half up per
     * line and never above the line; a fixed amount capped at the eligible subtotal.
     * @param array<string, mixed> $promo
     * @param array<int, array{typeId: string, amount: int}> $lines
     */
    public static function discount(array $promo, array $lines): int
    {
        $eligible = array_filter($lines, static function (array $line) use ($promo): bool {
            return !isset($promo['ticketTypes']) || in_array($line['typeId'], $promo['ticketTypes'], true);
        });
        $subtotal = 0;
        foreach ($eligible as $line) {
            $subtotal += $line['amount'];
        }
        if ($promo['discount']['type'] === 'amount') {
            return min((int) $promo['discount']['amount'], $subtotal);
        }
        $bps = (int) $promo['discount']['percentBps'];
        $sum = 0;
        foreach ($eligible as $line) {
            $sum += min($line['amount'], self::percentOf($line['amount'], $bps));
        }
        return $sum;
    }
}
