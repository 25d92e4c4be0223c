<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain\Receipts;

use Guichet\Adapter\Domain\Instant;

/**
 * One yearly receipt per donor for recurring gifts (receipts/annual-summaries.ts): the debits paid in the
 * Europe/Paris calendar year, the eligible part of each (min(debit, taxEligibleAmount)), grouped by e-mail
 * (case-insensitive), refunds taken off. Instants as RFC 3339 text or DateTimeInterface; out as text.
 */
final class AnnualSummaries
{
    private const COUNTED_STATUSES = ['paid', 'refunded'];

    /**
     * The debits of a recurring order from the order (total, paidAt) and its history: the first payment, then
     * every renewal_paid / renewal_failed line (amount from its detail, else the total), oldest first.
     * @param array<string, mixed> $order
     * @param array<int, array<string, mixed>> $history lines {at, action, detail?}
     * @return array<int, array{at: string, amount: int, paid: bool}>
     */
    public static function recurringDebits(array $order, array $history): array
    {
        $debits = [];
        if (!empty($order['paidAt'])) {
            $debits[] = ['at' => Instant::format(Instant::of($order['paidAt'])), 'amount' => (int) $order['total'], 'paid' => true];
        }
        foreach ($history as $line) {
            $action = $line['action'] ?? null;
            if ($action !== 'renewal_paid' && $action !== 'renewal_failed') {
                continue;
            }
            $detail = $line['detail'] ?? null;
            $amount = is_string($detail) && preg_match('/^\d{1,15}$/D', $detail) ? (int) $detail : (int) $order['total'];
            $debits[] = ['at' => Instant::format(Instant::of($line['at'])), 'amount' => $amount, 'paid' => $action === 'renewal_paid'];
        }
        usort($debits, static function (array $a, array $b): int {
            return strcmp($a['at'], $b['at']);
        });
        return $debits;
    }

    /**
     * @param array<int, array<string, mixed>> $orders keys of AnnualOrder (types.ts), debits from recurringDebits
     * @return array<int, array{email: string, orderIds: string[], amount: int, debits: int, donor: array<string, mixed>|null, from: string, to: string}>
     */
    public static function forYear(array $orders, int $year): array
    {
        $byEmail = [];
        foreach ($orders as $order) {
            $share = self::share($order, $year);
            if ($share === null) {
                continue;
            }
            $email = self::lower(trim((string) $order['email']));
            $byEmail[$email][] = $share;
        }
        $summaries = [];
        foreach ($byEmail as $email => $shares) {
            $email = (string) $email;
            usort($shares, static function (array $a, array $b): int {
                return [$a['first'], (string) $a['order']['id']] <=> [$b['first'], (string) $b['order']['id']];
            });
            $latestFirst = $shares;
            usort($latestFirst, static function (array $a, array $b): int {
                return [$b['last'], (string) $b['order']['id']] <=> [$a['last'], (string) $a['order']['id']];
            });
            $donor = null;
            foreach ($latestFirst as $share) {
                $donor = ReceiptDocuments::donor((array) ($share['order']['request'] ?? []));
                if ($donor !== null) {
                    break;
                }
            }
            $summaries[] = [
                'email' => $email,
                'orderIds' => array_map(static function (array $share): string {
                    return (string) $share['order']['id'];
                }, $shares),
                'amount' => array_sum(array_column($shares, 'amount')),
                'debits' => array_sum(array_column($shares, 'debits')),
                'donor' => $donor,
                'from' => ReceiptDates::day(min(array_column($shares, 'first'))),
                'to' => ReceiptDates::day(max(array_column($shares, 'last'))),
            ];
        }
        usort($summaries, static function (array $a, array $b): int {
            return strcmp($a['email'], $b['email']);
        });
        return $summaries;
    }

    /**
     * @param array<string, mixed> $order
     * @return array{order: array<string, mixed>, amount: int, debits: int, first: string, last: string}|null
     */
    private static function share(array $order, int $year): ?array
    {
        if (empty($order['recurring']) || ($order['currency'] ?? null) !== 'EUR'
            || !in_array($order['status'] ?? null, self::COUNTED_STATUSES, true)) {
            return null;
        }
        $eligibleCap = (int) ($order['taxEligibleAmount'] ?? 0);
        if ($eligibleCap <= 0) {
            return null;
        }
        $eligible = 0;
        $count = 0;
        $times = [];
        foreach ((array) ($order['debits'] ?? []) as $debit) {
            if (($debit['paid'] ?? false) !== true || ReceiptDates::year($debit['at']) !== $year) {
                continue;
            }
            $eligible += min((int) $debit['amount'], $eligibleCap);
            $count++;
            // Instant::format text sorts as time.
            $times[] = Instant::format(Instant::of($debit['at']));
        }
        if ($count === 0) {
            return null;
        }
        // The refund cannot be tied to one debit: taking it off this year never certifies money given back.
        $amount = max(0, $eligible - (int) ($order['refundedAmount'] ?? 0));
        if ($amount === 0) {
            return null;
        }
        return ['order' => $order, 'amount' => $amount, 'debits' => $count, 'first' => min($times), 'last' => max($times)];
    }

    private static function lower(string $text): string
    {
        return function_exists('mb_strtolower') ? mb_strtolower($text, 'UTF-8') : strtolower($text);
    }
}
