<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain\Receipts;

/**
 * Receipt numbers (receipts/receipt-number.ts): a gapless series per calendar year that never reuses a
 * number, "2026-00042", or "RF-2026-00042" with the association's prefix.
 */
final class ReceiptNumbers
{
    private const PATTERN = '/^(?:([A-Z]{1,8})-)?(\d{4})-(\d{5,})$/D';

    /** At least five digits, more when needed. A null or empty prefix writes none. */
    public static function format(int $year, int $sequence, ?string $prefix = null): string
    {
        if ($sequence < 1) {
            throw new \InvalidArgumentException('Receipt sequences start at 1: ' . $sequence);
        }
        if ($prefix !== null && $prefix !== '' && !preg_match('/^[A-Z]{1,8}$/D', $prefix)) {
            throw new \InvalidArgumentException('Bad receipt prefix: ' . $prefix);
        }
        $body = $year . '-' . str_pad((string) $sequence, 5, '0', STR_PAD_LEFT);
        return $prefix === null || $prefix === '' ? $body : $prefix . '-' . $body;
    }

    /** @return array{year: int, sequence: int, prefix?: string}|null */
    public static function parse(string $text): ?array
    {
        if (!preg_match(self::PATTERN, $text, $match)) {
            return null;
        }
        $digits = ltrim($match[3], '0');
        if ($digits === '' || strlen($digits) > 15) {
            return null;
        }
        $parsed = ['year' => (int) $match[2], 'sequence' => (int) $digits];
        if ($match[1] !== '') {
            $parsed['prefix'] = $match[1];
        }
        return $parsed;
    }

    /** The number after the last one issued in $year (null: none yet). @return array{year: int, sequence: int} */
    public static function next(int $year, ?int $lastIssued): array
    {
        return ['year' => $year, 'sequence' => ($lastIssued ?? 0) + 1];
    }

    /**
     * For an audit of one year's series: sequences missing below the highest, and those used twice.
     * @param int[] $sequences
     * @return array{missing: int[], duplicates: int[]}
     */
    public static function audit(array $sequences): array
    {
        $seen = [];
        $duplicates = [];
        foreach ($sequences as $sequence) {
            if (isset($seen[$sequence])) {
                $duplicates[$sequence] = true;
            }
            $seen[$sequence] = true;
        }
        $highest = $seen === [] ? 0 : max(0, max(array_keys($seen)));
        $missing = [];
        for ($sequence = 1; $sequence <= $highest; $sequence++) {
            if (!isset($seen[$sequence])) {
                $missing[] = $sequence;
            }
        }
        $duplicates = array_keys($duplicates);
        sort($duplicates);
        return ['missing' => $missing, 'duplicates' => $duplicates];
    }
}
