<?php

declare(strict_types=1);

namespace Guichet\Adapter\Storage;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Protocol\Json;

/** What must happen once: provider events processed, and order requests answered per idempotency key. */
final class SqliteOnce
{
    public static function markEventProcessed(SqliteConnection $db, string $provider, string $eventId, \DateTimeImmutable $at): bool
    {
        return $db->run(
            'INSERT OR IGNORE INTO guichet_events (provider, event_id, processed_at) VALUES (?, ?, ?)',
            [$provider, $eventId, Instant::format($at)]
        )->rowCount() === 1;
    }

    public static function findIdempotentResponse(SqliteConnection $db, string $key): ?array
    {
        $row = $db->run('SELECT request_hash, response FROM guichet_idempotency WHERE idempotency_key = ?', [$key])->fetch();
        if (!is_array($row)) {
            return null;
        }
        $response = $row['response'] === null ? null : json_decode((string) $row['response'], true);
        return ['requestHash' => (string) $row['request_hash'], 'response' => $response];
    }

    public static function claimIdempotencyKey(SqliteConnection $db, string $key, string $requestHash, \DateTimeImmutable $at): bool
    {
        return $db->run(
            'INSERT OR IGNORE INTO guichet_idempotency (idempotency_key, request_hash, response, created_at) VALUES (?, ?, NULL, ?)',
            [$key, $requestHash, Instant::format($at)]
        )->rowCount() === 1;
    }

    public static function completeIdempotencyKey(SqliteConnection $db, string $key, array $response): void
    {
        $db->run('UPDATE guichet_idempotency SET response = ? WHERE idempotency_key = ?', [Json::encode($response), $key]);
    }
}
