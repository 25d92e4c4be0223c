<?php

declare(strict_types=1);

namespace Guichet\Adapter\Storage;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Domain\Reservations;

/** Seats per ticket type: held for an unpaid order until a date, sold, or released. */
final class SqliteSeats
{
    public static function holdSeats(SqliteConnection $db, string $formId, string $orderId, array $items, \DateTimeImmutable $expiresAt, \DateTimeImmutable $now): array
    {
        return $db->transaction(function () use ($db, $formId, $orderId, $items, $expiresAt, $now): array {
            $shortfalls = [];
            foreach ($items as $typeId => $item) {
                $count = self::count($db, $formId, (string) $typeId, $now) + ['quota' => $item['quota']];
                if (!Reservations::canHold($count, (int) $item['quantity'], $now)) {
                    $shortfalls[] = ['typeId' => (string) $typeId, 'available' => (int) Reservations::availableSeats($count, $now)];
                }
            }
            if ($shortfalls !== []) {
                return $shortfalls;
            }
            foreach ($items as $typeId => $item) {
                $db->run(
                    "INSERT INTO guichet_seats (order_id, form_id, type_id, quantity, state, expires_at) VALUES (?, ?, ?, ?, 'held', ?)",
                    [$orderId, $formId, (string) $typeId, (int) $item['quantity'], Instant::format($expiresAt)]
                );
            }
            return [];
        });
    }

    /** @return array{sold: int, holds: array<int, array{quantity: int, expiresAt: string}>} */
    private static function count(SqliteConnection $db, string $formId, string $typeId, \DateTimeImmutable $now): array
    {
        $sold = (int) $db->run(
            "SELECT COALESCE(SUM(quantity), 0) FROM guichet_seats WHERE form_id = ? AND type_id = ? AND state = 'sold'",
            [$formId, $typeId]
        )->fetchColumn();
        $holds = $db->run(
            "SELECT quantity, expires_at AS expiresAt FROM guichet_seats
             WHERE form_id = ? AND type_id = ? AND state = 'held' AND expires_at > ?",
            [$formId, $typeId, Instant::format($now)]
        )->fetchAll();
        return ['sold' => $sold, 'holds' => $holds];
    }

    public static function confirmSeats(SqliteConnection $db, string $orderId): void
    {
        $db->run("UPDATE guichet_seats SET state = 'sold', expires_at = NULL WHERE order_id = ? AND state <> 'sold'", [$orderId]);
    }

    public static function releaseSeats(SqliteConnection $db, string $orderId): void
    {
        $db->run("UPDATE guichet_seats SET state = 'released' WHERE order_id = ? AND state <> 'released'", [$orderId]);
    }

    public static function seatCounts(SqliteConnection $db, string $formId, \DateTimeImmutable $now): array
    {
        $rows = $db->run(
            "SELECT type_id,
                    COALESCE(SUM(CASE WHEN state = 'sold' THEN quantity END), 0) AS sold,
                    COALESCE(SUM(CASE WHEN state = 'held' AND expires_at > ? THEN quantity END), 0) AS held
             FROM guichet_seats WHERE form_id = ? GROUP BY type_id",
            [Instant::format($now), $formId]
        )->fetchAll();
        $out = [];
        foreach ($rows as $row) {
            $out[(string) $row['type_id']] = ['sold' => (int) $row['sold'], 'held' => (int) $row['held']];
        }
        return $out;
    }
}
