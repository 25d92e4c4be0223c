<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain\Receipts;

/**
 * The amount "en toutes lettres" of a tax receipt (receipts/amount-in-words.ts), traditional French spelling:
 * hyphens only between tens and units below 100 without "et"; "vingts"/"cents" plural only at the end of the
 * number or before "millions"/"milliards"; "mille" invariable; "un million d'euros"; "cinquante centimes"
 * below one euro; "zéro euro".
 */
final class AmountInWords
{
    private const UNITS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix',
        'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize'];
    private const TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

    /** @param int $amount cents of euro, the only currency of a French tax receipt */
    public static function french(int $amount, string $currency): string
    {
        if ($currency !== 'EUR') {
            throw new \InvalidArgumentException('Amounts in words are written in euros only, not ' . $currency);
        }
        if ($amount < 0) {
            throw new \InvalidArgumentException('Not an amount in cents: ' . $amount);
        }
        $euros = intdiv($amount, 100);
        $cents = $amount % 100;
        if ($euros >= 1000000000000) {
            throw new \InvalidArgumentException('Too large to write in words: ' . $amount);
        }
        $centsText = $cents === 0 ? '' : self::belowHundred($cents, true) . ' centime' . ($cents > 1 ? 's' : '');
        if ($euros === 0) {
            return $cents === 0 ? 'zéro euro' : $centsText;
        }
        [$words, $endsWithNoun] = self::wholeNumber($euros);
        $unit = $endsWithNoun ? "d'euros" : ($euros === 1 ? 'euro' : 'euros');
        return $cents === 0 ? $words . ' ' . $unit : $words . ' ' . $unit . ' et ' . $centsText;
    }

    /** 0–99; $final: nothing but a noun follows, so "quatre-vingts" keeps its s. */
    private static function belowHundred(int $n, bool $final): string
    {
        if ($n <= 16) {
            return self::UNITS[$n];
        }
        if ($n < 20) {
            return 'dix-' . self::UNITS[$n - 10];
        }
        if ($n < 70) {
            $tens = self::TENS[intdiv($n, 10)];
            $unit = $n % 10;
            if ($unit === 0) {
                return $tens;
            }
            return $unit === 1 ? $tens . ' et un' : $tens . '-' . self::UNITS[$unit];
        }
        if ($n < 80) {
            return $n === 71 ? 'soixante et onze' : 'soixante-' . self::belowHundred($n - 60, false);
        }
        if ($n === 80) {
            return $final ? 'quatre-vingts' : 'quatre-vingt';
        }
        return 'quatre-vingt-' . self::belowHundred($n - 80, false);
    }

    /** 1–999. */
    private static function belowThousand(int $n, bool $final): string
    {
        $hundreds = intdiv($n, 100);
        $rest = $n % 100;
        $parts = [];
        if ($hundreds === 1) {
            $parts[] = 'cent';
        } elseif ($hundreds > 1) {
            $parts[] = self::UNITS[$hundreds] . ($rest === 0 && $final ? ' cents' : ' cent');
        }
        if ($rest > 0) {
            $parts[] = self::belowHundred($rest, $final);
        }
        return implode(' ', $parts);
    }

    /** @return array{0: string, 1: bool} the words, and whether they end with "million(s)"/"milliard(s)" */
    private static function wholeNumber(int $n): array
    {
        $parts = [];
        $endsWithNoun = false;
        $rest = $n;
        foreach ([1000000000 => 'milliard', 1000000 => 'million'] as $size => $noun) {
            $count = intdiv($rest, $size);
            $rest %= $size;
            if ($count === 0) {
                continue;
            }
            $parts[] = self::belowThousand($count, true) . ' ' . $noun . ($count > 1 ? 's' : '');
            $endsWithNoun = $rest === 0;
        }
        $thousands = intdiv($rest, 1000);
        $rest %= 1000;
        if ($thousands === 1) {
            $parts[] = 'mille';
        } elseif ($thousands > 1) {
            $parts[] = self::belowThousand($thousands, false) . ' mille';
        }
        if ($rest > 0) {
            $parts[] = self::belowThousand($rest, true);
        }
        return [implode(' ', $parts), $endsWithNoun];
    }
}
