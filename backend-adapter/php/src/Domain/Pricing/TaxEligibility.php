<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain\Pricing;

use Guichet\Adapter\Domain\Js;
use Guichet\Adapter\Domain\Validation\MembershipRules;

/** What part of an order a tax receipt certifies, and whether it gets one (pricing/tax-eligibility.ts). */
final class TaxEligibility
{
    /** @param mixed $value */
    private static function positiveInteger($value): int
    {
        return Js::isSafeInteger($value) && $value > 0 ? Js::toInt($value) : 0;
    }

    /** Members paid for: once per member, or once for the household. @param array<string, mixed> $tier */
    public static function membershipQuantity(array $tier, array $request): int
    {
        return ($tier['per'] ?? null) === 'order' ? 1 : count($request['membership']['members'] ?? []);
    }

    /**
     * The tier's unit price: fixed, or the payer's pick for a range (null while unusable).
     * @param array<string, mixed> $tier
     * @param array<string, mixed> $request
     */
    public static function membershipUnitPrice(array $tier, array $request): ?int
    {
        if ($tier['price']['type'] === 'fixed') {
            return (int) $tier['price']['amount'];
        }
        $amount = $request['membership']['amount'] ?? null;
        return Js::isSafeInteger($amount) ? Js::toInt($amount) : null;
    }

    /** The gift part of one membership, never more than what is paid. @param array<string, mixed> $tier */
    public static function tierEligibleUnit(array $tier, ?int $unitPrice): int
    {
        $eligible = (int) ($tier['taxEligibleAmount'] ?? 0);
        return $unitPrice === null ? $eligible : max(0, min($eligible, $unitPrice));
    }

    /** @param array<string, mixed> $request */
    public static function donationEligibleBase(array $request): int
    {
        return self::positiveInteger($request['donation']['amount'] ?? null);
    }

    /** @param array<string, mixed> $form @param array<string, mixed> $request */
    public static function membershipEligibleBase(array $form, array $request): int
    {
        $tier = MembershipRules::tier($form, $request['membership']['tierId'] ?? null);
        $extra = !empty($form['membership']['allowExtraDonation'])
            ? self::positiveInteger($request['membership']['extraDonation'] ?? null)
            : 0;
        if ($tier === null) {
            return $extra;
        }
        return self::tierEligibleUnit($tier, self::membershipUnitPrice($tier, $request)) * self::membershipQuantity($tier, $request) + $extra;
    }

    /**
     * The payer asked, the form issues receipts, and the eligible amount is positive and at least the form's minimum.
     * @param array<string, mixed> $form
     * @param array<string, mixed> $request
     */
    public static function receiptIssued(array $form, array $request): bool
    {
        if (($form['taxReceipt']['enabled'] ?? null) !== true) {
            return false;
        }
        if ($form['kind'] === 'donation' && ($request['kind'] ?? null) === 'donation') {
            if (($request['donation']['taxReceipt'] ?? null) !== true) {
                return false;
            }
            $base = self::donationEligibleBase($request);
        } elseif ($form['kind'] === 'membership' && ($request['kind'] ?? null) === 'membership') {
            if (($request['membership']['taxReceipt'] ?? null) !== true) {
                return false;
            }
            $base = self::membershipEligibleBase($form, $request);
        } else {
            return false;
        }
        return $base > 0 && $base >= (int) ($form['taxReceipt']['minimumAmount'] ?? 0);
    }
}
