<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain;

/**
 * Money helpers, the PHP twin of domain/money.ts: integer minor units plus an ISO 4217 code, no float ever.
 * Formatting reproduces Intl's output (see CurrencyFormats) for French and English without the intl extension.
 */
final class Money
{
    /** The largest amount the protocol carries (MinorAmount.maximum). */
    public const MAX_MINOR_AMOUNT = 10000000000;

    private const NBSP = "\u{00A0}";
    private const NNBSP = "\u{202F}";

    /** Symbols a payer may type around an amount, besides the ISO code itself (same list as money.ts). */
    private const SYMBOLS = [
        'EUR' => ['€'],
        'USD' => ['US$', '$US', '$'],
        'CAD' => ['CA$', '$CA', '$'],
        'GBP' => ['£GB', '£'],
        'JPY' => ['¥'],
        'CHF' => ['Fr.'],
        'XOF' => ['F CFA', 'FCFA', 'CFA'],
        'XAF' => ['F CFA', 'FCFA', 'CFA'],
        'MGA' => ['Ar'],
        'MAD' => ['DH'],
    ];

    public static function isKnownCurrency(string $code): bool
    {
        return isset(Currencies::exponents()[$code]);
    }

    /** @throws \InvalidArgumentException for an unknown code: guessing the scale of money is worse than refusing. */
    public static function currencyExponent(string $code): int
    {
        $exponents = Currencies::exponents();
        if (!isset($exponents[$code])) {
            throw new \InvalidArgumentException('Unknown currency: ' . $code);
        }
        return $exponents[$code];
    }

    /** An amount the protocol can carry: a non-negative integer up to MAX_MINOR_AMOUNT. @param mixed $n */
    public static function isMinorAmount($n): bool
    {
        return Js::isSafeInteger($n) && $n >= 0 && $n <= self::MAX_MINOR_AMOUNT;
    }

    /** Decimal text of a minor amount ("-2550" in EUR → "-25.50"), built from digits. */
    public static function toDecimalString(int $amount, string $currency): string
    {
        $exponent = self::currencyExponent($currency);
        $sign = $amount < 0 ? '-' : '';
        $digits = str_pad(ltrim((string) $amount, '-'), $exponent + 1, '0', STR_PAD_LEFT);
        if ($exponent === 0) {
            return $sign . $digits;
        }
        $cut = strlen($digits) - $exponent;
        return $sign . substr($digits, 0, $cut) . '.' . substr($digits, $cut);
    }

    /**
     * "25,00 €" (fr) or "€25.00" (en), exactly as Intl writes it. $compact drops a zero minor part ("25 €").
     * Locales other than English ones are written the French way, the protocol's two languages.
     */
    public static function format(int $amount, string $currency, string $locale, bool $compact = false): string
    {
        $exponent = self::currencyExponent($currency);
        $english = strncmp($locale, 'en', 2) === 0;
        $decimal = self::toDecimalString($amount, $currency);
        $negative = $decimal[0] === '-';
        $unsigned = ltrim($decimal, '-');
        $parts = explode('.', $unsigned, 2);
        $integer = $parts[0];
        $fraction = $parts[1] ?? '';
        if ($compact && $exponent > 0 && trim($fraction, '0') === '') {
            $fraction = '';
        }
        $grouped = self::group($integer, $english ? ',' : self::NNBSP);
        $number = $fraction === '' ? $grouped : $grouped . ($english ? '.' : ',') . $fraction;
        $affixes = CurrencyFormats::AFFIXES[$currency][$english ? 1 : 0] ?? ($english ? [$currency . ' ', ''] : ['', ' ' . $currency]);
        $before = self::spaces($affixes[0]);
        $after = self::spaces($affixes[1]);
        return ($negative ? '-' : '') . $before . $number . $after;
    }

    /**
     * What a payer typed ("25", "25,5", "25.50", "1 000,00", "1'000.50", "25 €") → minor units, or null when it
     * is not an amount. Same reading as parseMoney() in money.ts: with both '.' and ',' the last one is the
     * decimal mark; with one present once it is the decimal mark unless it is the locale's grouping mark
     * followed by exactly three digits.
     */
    public static function parse(string $text, string $currency, string $locale): ?int
    {
        $exponent = self::currencyExponent($currency);
        $normalised = trim((string) preg_replace('/[\s\x{00A0}\x{2007}\x{2009}\x{202F}]+/u', ' ', $text));
        $compact = trim(self::stripSymbol($normalised, $currency));
        if ($compact === '' || !preg_match("/^[0-9][0-9 '’.,]*$|^[.,][0-9]+$/u", $compact)) {
            return null;
        }
        $lastDot = strrpos($compact, '.');
        $lastComma = strrpos($compact, ',');
        $decimalMark = null;
        if ($lastDot !== false && $lastComma !== false) {
            $decimalMark = $lastDot > $lastComma ? '.' : ',';
        } elseif ($lastDot !== false || $lastComma !== false) {
            $mark = $lastDot !== false ? '.' : ',';
            $once = strpos($compact, $mark) === strrpos($compact, $mark);
            $localeGrouping = strncmp($locale, 'en', 2) === 0 ? ',' : '.';
            $tail = substr($compact, (int) strrpos($compact, $mark) + 1);
            $looksGrouped = $mark === $localeGrouping && preg_match('/^[0-9]{3}$/', $tail) === 1;
            $decimalMark = $once && !$looksGrouped ? $mark : null;
        }
        $integerText = $compact;
        $fraction = '';
        if ($decimalMark !== null) {
            $at = (int) strrpos($compact, $decimalMark);
            $integerText = substr($compact, 0, $at);
            $fraction = substr($compact, $at + 1);
            if (!preg_match('/^[0-9]*$/', $fraction)) {
                return null;
            }
        }
        if (strlen($fraction) > $exponent) {
            return null;
        }
        $integer = '0';
        if (trim($integerText) !== '') {
            $integer = self::joinGroups(preg_split("/[ '’.,]/u", $integerText) ?: []);
        }
        if ($integer === null || !preg_match('/^[0-9]+$/', $integer)) {
            return null;
        }
        $digits = (string) preg_replace('/^0+(?=[0-9])/', '', $integer . str_pad($fraction, $exponent, '0'));
        // Number.isSafeInteger in money.ts: at most 2^53 − 1.
        if (strlen($digits) > 16 || (int) $digits > 9007199254740991) {
            return null;
        }
        return (int) $digits;
    }

    private static function group(string $digits, string $separator): string
    {
        $out = '';
        $length = strlen($digits);
        for ($i = 0; $i < $length; $i++) {
            if ($i > 0 && ($length - $i) % 3 === 0) {
                $out .= $separator;
            }
            $out .= $digits[$i];
        }
        return $out;
    }

    private static function spaces(string $affix): string
    {
        return str_replace(['{NBSP}', '{NNBSP}'], [self::NBSP, self::NNBSP], $affix);
    }

    private static function stripSymbol(string $text, string $currency): string
    {
        $candidates = array_merge([$currency], self::SYMBOLS[$currency] ?? []);
        $upperText = self::upper($text);
        foreach ($candidates as $symbol) {
            $upper = self::upper($symbol);
            if (strncmp($upperText, $upper, strlen($upper)) === 0) {
                return substr($text, strlen($symbol));
            }
            if (strlen($upperText) >= strlen($upper) && substr($upperText, -strlen($upper)) === $upper) {
                return substr($text, 0, strlen($text) - strlen($symbol));
            }
        }
        return $text;
    }

    /** ASCII-only upper-casing: keeps byte offsets, and ignores the host's setlocale() (PHP < 8.2 honours it). */
    private static function upper(string $text): string
    {
        return strtr($text, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    }

    /** @param string[] $groups */
    private static function joinGroups(array $groups): ?string
    {
        if (count($groups) === 1) {
            return $groups[0];
        }
        $first = $groups[0];
        if ($first === '' || strlen($first) > 3) {
            return null;
        }
        foreach (array_slice($groups, 1) as $group) {
            if (strlen($group) !== 3) {
                return null;
            }
        }
        return implode('', $groups);
    }
}
