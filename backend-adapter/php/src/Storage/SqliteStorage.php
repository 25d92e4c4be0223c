<?php

declare(strict_types=1);

namespace Guichet\Adapter\Storage;

use Guichet\Adapter\Ports\FormRepository;
use Guichet\Adapter\Ports\Storage;
use Guichet\Adapter\Protocol\Json;

/**
 * The reference Storage on PDO SQLite: orders kept whole as JSON beside the columns the queries need, money in
 * INTEGER columns. Transactions use BEGIN IMMEDIATE, which takes SQLite's write lock at once, so the seat
 * check and the hold it guards run with no other writer in between (no overselling across processes).
 * Each concern's SQL lives in its own class: SqliteOrders, SqliteSeats, SqliteOnce, SqliteSchema.
 */
final class SqliteStorage implements Storage, FormRepository
{
    public const SCHEMA_VERSION = SqliteSchema::VERSION;

    private SqliteConnection $db;

    public function __construct(\PDO $pdo)
    {
        $pdo->setAttribute(\PDO::ATTR_ERRMODE, \PDO::ERRMODE_EXCEPTION);
        $pdo->setAttribute(\PDO::ATTR_DEFAULT_FETCH_MODE, \PDO::FETCH_ASSOC);
        $pdo->exec('PRAGMA busy_timeout = 10000');
        $pdo->exec('PRAGMA foreign_keys = ON');
        $this->db = new SqliteConnection($pdo);
    }

    /** Opens (and migrates) a database file; ':memory:' for a private in-memory database. */
    public static function open(string $path): self
    {
        $pdo = new \PDO('sqlite:' . $path);
        if ($path !== ':memory:') {
            $pdo->exec('PRAGMA journal_mode = WAL');
        }
        $storage = new self($pdo);
        $storage->migrate();
        return $storage;
    }

    public function migrate(): void
    {
        SqliteSchema::migrate($this->db->pdo());
    }

    public function pdo(): \PDO
    {
        return $this->db->pdo();
    }

    /** @param array<string, mixed> $config */
    public function saveForm(array $config): void
    {
        $this->db->run(
            'INSERT INTO guichet_forms (id, config, updated_at) VALUES (?, ?, ?)
             ON CONFLICT (id) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at',
            [(string) $config['id'], Json::encode($config), gmdate('Y-m-d\TH:i:s\Z')]
        );
    }

    public function findForm(string $formId): ?array
    {
        $config = $this->db->run('SELECT config FROM guichet_forms WHERE id = ?', [$formId])->fetchColumn();
        return is_string($config) ? json_decode($config, true) : null;
    }

    public function transaction(callable $work)
    {
        return $this->db->transaction($work);
    }

    public function insertOrder(array $order): void
    {
        SqliteOrders::insertOrder($this->db, $order);
    }

    public function findOrder(string $orderId): ?array
    {
        return SqliteOrders::findOrder($this->db, $orderId);
    }

    public function findOrderByProviderRef(string $provider, string $providerRef): ?array
    {
        return SqliteOrders::findOrderByProviderRef($this->db, $provider, $providerRef);
    }

    public function updateOrder(string $orderId, array $changes, ?string $expectedStatus = null): bool
    {
        return SqliteOrders::updateOrder($this->db, $orderId, $changes, $expectedStatus);
    }

    public function listOrders(array $filter, int $limit, int $offset): array
    {
        return SqliteOrders::listOrders($this->db, $filter, $limit, $offset);
    }

    public function countOrders(array $filter): int
    {
        return SqliteOrders::countOrders($this->db, $filter);
    }

    public function expiredPendingOrders(\DateTimeImmutable $now, int $limit): array
    {
        return SqliteOrders::expiredPendingOrders($this->db, $now, $limit);
    }

    public function holdSeats(string $formId, string $orderId, array $items, \DateTimeImmutable $expiresAt, \DateTimeImmutable $now): array
    {
        return SqliteSeats::holdSeats($this->db, $formId, $orderId, $items, $expiresAt, $now);
    }

    public function confirmSeats(string $orderId): void
    {
        SqliteSeats::confirmSeats($this->db, $orderId);
    }

    public function releaseSeats(string $orderId): void
    {
        SqliteSeats::releaseSeats($this->db, $orderId);
    }

    public function seatCounts(string $formId, \DateTimeImmutable $now): array
    {
        return SqliteSeats::seatCounts($this->db, $formId, $now);
    }

    public function promoCodeUses(string $formId, string $code): int
    {
        return SqliteOrders::promoCodeUses($this->db, $formId, $code);
    }

    /** The transaction's BEGIN IMMEDIATE already holds the database's write lock until its end. */
    public function promoCodeUsesForUpdate(string $formId, string $code): int
    {
        return SqliteOrders::promoCodeUses($this->db, $formId, $code);
    }

    public function raisedAmount(string $formId): int
    {
        return SqliteOrders::raisedAmount($this->db, $formId);
    }

    public function markEventProcessed(string $provider, string $eventId, \DateTimeImmutable $at): bool
    {
        return SqliteOnce::markEventProcessed($this->db, $provider, $eventId, $at);
    }

    public function findIdempotentResponse(string $key): ?array
    {
        return SqliteOnce::findIdempotentResponse($this->db, $key);
    }

    public function claimIdempotencyKey(string $key, string $requestHash, \DateTimeImmutable $at): bool
    {
        return SqliteOnce::claimIdempotencyKey($this->db, $key, $requestHash, $at);
    }

    public function completeIdempotencyKey(string $key, array $response): void
    {
        SqliteOnce::completeIdempotencyKey($this->db, $key, $response);
    }
}
