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
    private SqliteOrders $orders;
    private SqliteSeats $seats;
    private SqliteOnce $once;

    public function __construct(\PDO $pdo)
    {
        $pdo->setAttribute(\PDO::ATTR_ERRMODE, \PDO::ERRMODE_EXCEPTION);
        $pdo->setAttribute(\PDO::ATTR_DEFAULT_FETCH_MODE, \PDO::FETCH_ASSOC);
        $pdo->exec('PRAGMA busy_timeout = 10000');
        $pdo->exec('PRAGMA foreign_keys = ON');
        $this->db = new SqliteConnection($pdo);
        $this->orders = new SqliteOrders($this->db);
        $this->seats = new SqliteSeats($this->db);
        $this->once = new SqliteOnce($this->db);
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
        $this->orders->insertOrder($order);
    }

    public function findOrder(string $orderId): ?array
    {
        return $this->orders->findOrder($orderId);
    }

    public function findOrderByProviderRef(string $provider, string $providerRef): ?array
    {
        return $this->orders->findOrderByProviderRef($provider, $providerRef);
    }

    public function updateOrder(string $orderId, array $changes, ?string $expectedStatus = null): bool
    {
        return $this->orders->updateOrder($orderId, $changes, $expectedStatus);
    }

    public function listOrders(array $filter, int $limit, int $offset): array
    {
        return $this->orders->listOrders($filter, $limit, $offset);
    }

    public function countOrders(array $filter): int
    {
        return $this->orders->countOrders($filter);
    }

    public function expiredPendingOrders(\DateTimeImmutable $now, int $limit): array
    {
        return $this->orders->expiredPendingOrders($now, $limit);
    }

    public function holdSeats(string $formId, string $orderId, array $items, \DateTimeImmutable $expiresAt, \DateTimeImmutable $now): array
    {
        return $this->seats->holdSeats($formId, $orderId, $items, $expiresAt, $now);
    }

    public function confirmSeats(string $orderId): void
    {
        $this->seats->confirmSeats($orderId);
    }

    public function releaseSeats(string $orderId): void
    {
        $this->seats->releaseSeats($orderId);
    }

    public function seatCounts(string $formId, \DateTimeImmutable $now): array
    {
        return $this->seats->seatCounts($formId, $now);
    }

    public function promoCodeUses(string $formId, string $code): int
    {
        return $this->orders->promoCodeUses($formId, $code);
    }

    public function raisedAmount(string $formId): int
    {
        return $this->orders->raisedAmount($formId);
    }

    public function markEventProcessed(string $provider, string $eventId, \DateTimeImmutable $at): bool
    {
        return $this->once->markEventProcessed($provider, $eventId, $at);
    }

    public function findIdempotentResponse(string $key): ?array
    {
        return $this->once->findIdempotentResponse($key);
    }

    public function claimIdempotencyKey(string $key, string $requestHash, \DateTimeImmutable $at): bool
    {
        return $this->once->claimIdempotencyKey($key, $requestHash, $at);
    }

    public function completeIdempotencyKey(string $key, array $response): void
    {
        $this->once->completeIdempotencyKey($key, $response);
    }
}
