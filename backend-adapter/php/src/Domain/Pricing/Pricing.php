<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain\Pricing;

use Guichet\Adapter\Domain\Js;
use Guichet\Adapter\Domain\OrderContext;
use Guichet\Adapter\Domain\Text;
use Guichet\Adapter\Domain\Validation\Amounts;
use Guichet\Adapter\Domain\Validation\MembershipRules;
use Guichet\Adapter\Domain\Validation\OrderValidator;
use Guichet\Adapter\Protocol\FieldError;

/**
 * The server's own price of an order (pricing/quote.ts). A Quote is an array: currency, lines (OrderLine
 * objects), total, taxEligibleAmount, recurring? {interval}, reservations [{typeId, quantity}].
 */
final class Pricing
{
    /**
     * Prices an order from the form's configuration, trusting nothing the browser computed; assumes the
     * request passed validation. Fee coverage comes last, on everything else, and only for online providers.
     * @param array<string, mixed> $form
     * @param array<string, mixed> $request
     * @return array<string, mixed>
     */
    public static function priceOrder(array $form, array $request, OrderContext $ctx): array
    {
        $labels = LineLabels::forLocale($ctx->locale, $ctx->labels);
        $kind = $request['kind'] ?? null;
        if ($form['kind'] === 'donation' && $kind === 'donation') {
            $priced = self::priceDonation($form, $request, $labels);
        } elseif ($form['kind'] === 'membership' && $kind === 'membership') {
            $priced = self::priceMembership($form, $request, $ctx, $labels);
        } elseif ($form['kind'] === 'tickets' && $kind === 'tickets') {
            $priced = self::priceTickets($form, $request, $ctx, $labels);
        } else {
            $priced = ['lines' => [], 'reservations' => [], 'receipt' => false];
        }

        $net = self::sum($priced['lines'], 'amount');
        if (($request['coverFees'] ?? null) === true && isset($form['feeCoverage'])
            && ($request['payment']['provider'] ?? null) !== 'offline') {
            $extra = FeeCoverage::extra($net, $form['feeCoverage']);
            // A gift with nothing in return: certified whenever the order has a receipt.
            if ($extra > 0) {
                $priced['lines'][] = self::line('fee_coverage', $labels['feeCoverage'], $extra, 1, null, $priced['receipt'] ? $extra : 0);
            }
        }

        $quote = [
            'currency' => $form['currency'],
            'lines' => $priced['lines'],
            'total' => self::sum($priced['lines'], 'amount'),
            'taxEligibleAmount' => self::sum($priced['lines'], 'taxEligibleAmount'),
            'reservations' => $priced['reservations'],
        ];
        if (isset($priced['recurring'])) {
            $quote['recurring'] = $priced['recurring'];
        }
        return $quote;
    }

    /**
     * Validates, then prices; a differing expectedTotal is refused with amount_mismatch carrying the new total.
     * @param array<string, mixed> $form
     * @param array<string, mixed> $request
     * @return array{ok: true, quote: array<string, mixed>}|array{ok: false, errors: FieldError[]}
     */
    public static function quoteOrder(array $form, array $request, OrderContext $ctx): array
    {
        $errors = OrderValidator::validate($form, $request, $ctx);
        if ($errors !== []) {
            return ['ok' => false, 'errors' => $errors];
        }
        $quote = self::priceOrder($form, $request, $ctx);
        if (array_key_exists('expectedTotal', $request) && $request['expectedTotal'] !== $quote['total']) {
            $shown = Amounts::shown($quote['total'], $quote['currency'], $ctx->locale);
            return ['ok' => false, 'errors' => [new FieldError('amount_mismatch', null, ['total' => $shown])]];
        }
        return ['ok' => true, 'quote' => $quote];
    }

    /** @return array<string, mixed> an OrderLine */
    public static function line(string $kind, string $label, int $unitAmount, int $quantity, ?string $ref = null, int $taxEligible = 0): array
    {
        $line = ['kind' => $kind, 'label' => $label, 'unitAmount' => $unitAmount, 'quantity' => $quantity, 'amount' => $unitAmount * $quantity];
        if ($ref !== null) {
            $line['ref'] = $ref;
        }
        if ($taxEligible > 0) {
            $line['taxEligibleAmount'] = $taxEligible;
        }
        return $line;
    }

    /** @param array<int, array<string, mixed>> $lines */
    private static function sum(array $lines, string $key): int
    {
        $sum = 0;
        foreach ($lines as $line) {
            $sum += (int) ($line[$key] ?? 0);
        }
        return $sum;
    }

    /**
     * @param array<string, mixed> $form
     * @param array<string, mixed> $request
     * @param array<string, string> $labels
     * @return array<string, mixed>
     */
    private static function priceDonation(array $form, array $request, array $labels): array
    {
        $receipt = TaxEligibility::receiptIssued($form, $request);
        $amount = TaxEligibility::donationEligibleBase($request);
        $frequency = $request['donation']['frequency'] ?? 'once';
        $label = $frequency === 'monthly' ? $labels['donationMonthly'] : ($frequency === 'yearly' ? $labels['donationYearly'] : $labels['donationOnce']);
        $priced = [
            'lines' => [self::line('donation', $label, $amount, 1, null, $receipt ? $amount : 0)],
            'reservations' => [],
            'receipt' => $receipt,
        ];
        if ($frequency === 'monthly') {
            $priced['recurring'] = ['interval' => 'month'];
        }
        if ($frequency === 'yearly') {
            $priced['recurring'] = ['interval' => 'year'];
        }
        return $priced;
    }

    /**
     * @param array<string, mixed> $form
     * @param array<string, mixed> $request
     * @param array<string, string> $labels
     * @return array<string, mixed>
     */
    private static function priceMembership(array $form, array $request, OrderContext $ctx, array $labels): array
    {
        $receipt = TaxEligibility::receiptIssued($form, $request);
        $priced = ['lines' => [], 'reservations' => [], 'receipt' => $receipt];
        $tier = MembershipRules::tier($form, $request['membership']['tierId'] ?? null);
        if ($tier !== null) {
            $unit = TaxEligibility::membershipUnitPrice($tier, $request) ?? 0;
            $quantity = TaxEligibility::membershipQuantity($tier, $request);
            $eligible = $receipt ? TaxEligibility::tierEligibleUnit($tier, $unit) * $quantity : 0;
            $priced['lines'][] = self::line('membership', Text::resolve($tier['name'], $ctx->locale), $unit, $quantity, (string) $tier['id'], $eligible);
            $renews = !empty($form['membership']['autoRenew']) && $tier['period'] !== 'lifetime'
                && ($request['payment']['provider'] ?? null) !== 'offline';
            if ($renews) {
                $priced['recurring'] = ['interval' => $tier['period'] === 'month' ? 'month' : 'year'];
            }
        }
        $extra = $request['membership']['extraDonation'] ?? 0;
        if (!empty($form['membership']['allowExtraDonation']) && Js::isSafeInteger($extra) && $extra > 0) {
            $extra = Js::toInt($extra);
            $priced['lines'][] = self::line('extra_donation', $labels['extraDonation'], $extra, 1, null, $receipt ? $extra : 0);
        }
        return $priced;
    }

    /**
     * One line per type in the form's order, then the promo discount.
     * @param array<string, mixed> $form
     * @param array<string, mixed> $request
     * @param array<string, string> $labels
     * @return array<string, mixed>
     */
    private static function priceTickets(array $form, array $request, OrderContext $ctx, array $labels): array
    {
        $priced = ['lines' => [], 'reservations' => [], 'receipt' => false];
        $ticketLines = [];
        foreach ($form['tickets']['types'] as $type) {
            $quantity = 0;
            foreach ($request['tickets']['items'] ?? [] as $item) {
                $q = $item['quantity'] ?? null;
                if (($item['typeId'] ?? null) === $type['id'] && Js::isSafeInteger($q) && $q > 0) {
                    $quantity += Js::toInt($q);
                }
            }
            if ($quantity === 0) {
                continue;
            }
            $price = (int) $type['price'];
            $priced['lines'][] = self::line('ticket', Text::resolve($type['name'], $ctx->locale), $price, $quantity, (string) $type['id']);
            $priced['reservations'][] = ['typeId' => (string) $type['id'], 'quantity' => $quantity];
            $ticketLines[] = ['typeId' => (string) $type['id'], 'amount' => $price * $quantity];
        }

        $typed = $request['tickets']['promoCode'] ?? null;
        $promo = is_string($typed) ? Promo::find($form, $typed) : null;
        if ($promo !== null) {
            $uses = $ctx->promoUses !== null ? (int) ($ctx->promoUses)((string) $promo['code']) : 0;
            $orderedTypeIds = array_map(static function (array $ticket): string {
                return $ticket['typeId'];
            }, $ticketLines);
            $discount = Promo::discount($promo, $ticketLines);
            if (Promo::problem($promo, $ctx->now, $uses, $orderedTypeIds) === null && $discount > 0) {
                $label = str_replace('{code}', (string) $promo['code'], $labels['discount']);
                $priced['lines'][] = self::line('discount', $label, -$discount, 1, (string) $promo['code']);
            }
        }
        return $priced;
    }
}
