<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain\Tax;

/**
 * Tax-reduction previews (tax/tax-preview.ts): each part computed exactly in cent × basis point, the sum
 * rounded down once, so a preview never promises more than the tax office grants.
 */
final class TaxPreview
{
    /** @param mixed $value */
    private static function check($value, string $name): int
    {
        if (!is_int($value) || $value < 0) {
            throw new \InvalidArgumentException($name . ' is not an amount');
        }
        return $value;
    }

    private static function share(int $amount, int $bps): int
    {
        return intdiv($amount * $bps, 10000);
    }

    /**
     * @param string $scheme 'general' | 'coluche' | 'companies'
     * @param array<string, mixed> $rules
     * @param array{year: int, taxableIncome?: int, turnover?: int} $opts
     * @return array{reduction: int, netCost: int, rateBps: int}
     */
    public static function compute(int $amount, string $scheme, array $rules, array $opts): array
    {
        self::check($amount, 'amount');
        $year = TaxRules::forYear($rules, (int) $opts['year']);
        if ($scheme === 'companies') {
            $companies = $year['companies'];
            $base = $amount;
            if (array_key_exists('turnover', $opts)) {
                $turnover = self::check($opts['turnover'], 'turnover');
                $base = min($amount, max((int) $companies['floorCap'], self::share($turnover, (int) $companies['turnoverCapBps'])));
            }
            $exact = $base * (int) $companies['rateBps'];
            $rateBps = (int) $companies['rateBps'];
        } else {
            $general = $year['general'];
            $higherPart = $scheme === 'coluche' ? min($amount, (int) $year['coluche']['ceiling']) : 0;
            $generalBase = $amount - $higherPart;
            if (array_key_exists('taxableIncome', $opts)) {
                $income = self::check($opts['taxableIncome'], 'taxableIncome');
                // The Coluche part is not counted in the 20 % limit (CGI art. 200-1 ter); only the general part is.
                $generalBase = min($generalBase, self::share($income, (int) $general['incomeCapBps']));
            }
            $exact = $higherPart * (int) $year['coluche']['rateBps'] + $generalBase * (int) $general['rateBps'];
            $rateBps = $scheme === 'coluche' ? (int) $year['coluche']['rateBps'] : (int) $general['rateBps'];
        }
        $reduction = intdiv($exact, 10000);
        return ['reduction' => $reduction, 'netCost' => $amount - $reduction, 'rateBps' => $rateBps];
    }

    /**
     * What GET forms/{id} tells the widget about receipts; null when the form issues none.
     * @param array<string, mixed> $form
     * @param array<string, mixed> $rules
     * @return array<string, mixed>|null
     */
    public static function publicReduction(array $form, array $rules, int $year): ?array
    {
        if ($form['kind'] === 'tickets' || ($form['taxReceipt']['enabled'] ?? null) !== true) {
            return null;
        }
        $scheme = $form['taxReceipt']['scheme'];
        $yearRules = TaxRules::forYear($rules, $year);
        $result = [
            'scheme' => $scheme,
            'rateBps' => $scheme === 'coluche' ? (int) $yearRules['coluche']['rateBps'] : (int) $yearRules['general']['rateBps'],
            'incomeCapBps' => (int) $yearRules['general']['incomeCapBps'],
            'rulesVersion' => (string) $rules['version'],
        ];
        if ($scheme === 'coluche') {
            $result['ceiling'] = (int) $yearRules['coluche']['ceiling'];
            $result['aboveCeilingRateBps'] = (int) $yearRules['general']['rateBps'];
        }
        if (isset($form['taxReceipt']['minimumAmount'])) {
            $result['minimumAmount'] = (int) $form['taxReceipt']['minimumAmount'];
        }
        return $result;
    }

    /**
     * The same preview from what the public definition carries (the widget has no rules file).
     * @param array<string, mixed> $reduction PublicTaxReduction
     * @param array{taxableIncome?: int} $opts
     * @return array{reduction: int, netCost: int, rateBps: int}
     */
    public static function fromPublic(int $amount, array $reduction, array $opts = []): array
    {
        self::check($amount, 'amount');
        $hasCeiling = isset($reduction['ceiling']);
        $higherPart = $hasCeiling ? min($amount, (int) $reduction['ceiling']) : 0;
        $higherRate = $hasCeiling ? (int) $reduction['rateBps'] : 0;
        $generalRate = $hasCeiling ? (int) ($reduction['aboveCeilingRateBps'] ?? 6600) : (int) $reduction['rateBps'];
        $generalBase = $amount - $higherPart;
        if (array_key_exists('taxableIncome', $opts) && isset($reduction['incomeCapBps'])) {
            $income = self::check($opts['taxableIncome'], 'taxableIncome');
            $generalBase = min($generalBase, self::share($income, (int) $reduction['incomeCapBps']));
        }
        $value = intdiv($higherPart * $higherRate + $generalBase * $generalRate, 10000);
        return ['reduction' => $value, 'netCost' => $amount - $value, 'rateBps' => (int) $reduction['rateBps']];
    }
}
