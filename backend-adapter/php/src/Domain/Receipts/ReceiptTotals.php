<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain\Receipts;

/**
 * The yearly declaration figures (art. 222 bis CGI; receipts/receipt-totals.ts): receipts of the year not
 * replaced by a later one, cancellations excluded, with how many were cancelled or corrected.
 */
final class ReceiptTotals
{
    /**
     * @param array<int, array<string, mixed>> $records every receipt, or at least those of $year and those
     *        that replace them (keys number, year, kind, amount, replaces)
     * @return array{year: int, count: int, amount: int, currency: string, cancelled: int, corrected: int}
     */
    public static function forYear(array $records, int $year): array
    {
        $replacedBy = [];
        foreach ($records as $record) {
            if (isset($record['replaces']) && $record['replaces'] !== '') {
                $replacedBy[(string) $record['replaces']] = (string) $record['kind'];
            }
        }
        $totals = ['year' => $year, 'count' => 0, 'amount' => 0, 'currency' => 'EUR', 'cancelled' => 0, 'corrected' => 0];
        foreach ($records as $record) {
            if ((int) $record['year'] !== $year) {
                continue;
            }
            $replacement = $replacedBy[(string) $record['number']] ?? null;
            if ($replacement === 'cancellation') {
                $totals['cancelled']++;
            } elseif ($replacement !== null) {
                $totals['corrected']++;
            }
            if ($replacement !== null || $record['kind'] === 'cancellation') {
                continue;
            }
            $totals['count']++;
            $totals['amount'] += (int) $record['amount'];
        }
        return $totals;
    }
}
