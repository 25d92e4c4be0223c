<?php

declare(strict_types=1);

namespace Guichet\Adapter\Storage;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Domain\Reservations;
use Guichet\Adapter\Ports\FormRepository;
use Guichet\Adapter\Ports\Storage;
use Guichet\Adapter\Protocol\Json;

/**
 * The reference Storage on PDO SQLite: orders kept whole as JSON beside the columns the queries need, money in
 * INTEGER columns. Transactions use BEGIN IMMEDIATE, which takes SQLite's write lock at once, so the seat
 * check and the hold it guards run with no other writer in between (no overselling across processes).
 */
final class SqliteStorage implements Storage, FormRepository
{
    public const SCHEMA_VERSION = 1;

    private \PDO $pdo;
    private int $depth = 0;

    public function __construct(\PDO $pdo)
    {
        $this->pdo = $pdo;
        $this->pdo->setAttribute(\PDO::ATTR_ERRMODE, \PDO::ERRMODE_EXCEPTION);
        $this->pdo->setAttribute(\PDO::ATTR_DEFAULT_FETCH_MODE, \PDO::FETCH_ASSOC);
        $this->pdo->exec('PRAGMA busy_timeout = 10000');
        $this->pdo->exec('PRAGMA foreign_keys = ON');
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
        $version = (int) $this->pdo->query('PRAGMA user_version')->fetchColumn();
        if ($version >= self::SCHEMA_VERSION) {
            return;
        }
        $this->pdo->exec(<<<'SQL'
CREATE TABLE IF NOT EXISTS guichet_forms (
  id TEXT PRIMARY KEY,
  config TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS guichet_orders (
  id TEXT PRIMARY KEY,
  form_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  currency TEXT NOT NULL,
  total INTEGER NOT NULL,
  refunded_amount INTEGER NOT NULL DEFAULT 0,
  provider TEXT NOT NULL,
  provider_ref TEXT,
  payment_ref TEXT,
  subscription_ref TEXT,
  promo_code TEXT,
  search TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  expires_at TEXT,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS guichet_orders_form ON guichet_orders (form_id, status);
CREATE INDEX IF NOT EXISTS guichet_orders_created ON guichet_orders (created_at);
CREATE INDEX IF NOT EXISTS guichet_orders_provider_ref ON guichet_orders (provider, provider_ref);
CREATE INDEX IF NOT EXISTS guichet_orders_payment_ref ON guichet_orders (provider, payment_ref);
CREATE INDEX IF NOT EXISTS guichet_orders_subscription_ref ON guichet_orders (provider, subscription_ref);
CREATE INDEX IF NOT EXISTS guichet_orders_pending ON guichet_orders (status, expires_at);
CREATE TABLE IF NOT EXISTS guichet_seats (
  order_id TEXT NOT NULL,
  form_id TEXT NOT NULL,
  type_id TEXT NOT NULL,
  quantity INTEGER NOT NULL,
  state TEXT NOT NULL,
  expires_at TEXT
);
CREATE INDEX IF NOT EXISTS guichet_seats_form ON guichet_seats (form_id, type_id, state);
CREATE INDEX IF NOT EXISTS guichet_seats_order ON guichet_seats (order_id);
CREATE TABLE IF NOT EXISTS guichet_events (
  provider TEXT NOT NULL,
  event_id TEXT NOT NULL,
  processed_at TEXT NOT NULL,
  PRIMARY KEY (provider, event_id)
);
CREATE TABLE IF NOT EXISTS guichet_idempotency (
  idempotency_key TEXT PRIMARY KEY,
  request_hash TEXT NOT NULL,
  response TEXT,
  created_at TEXT NOT NULL
);
SQL
        );
        $this->pdo->exec('PRAGMA user_version = ' . self::SCHEMA_VERSION);
    }

    public function pdo(): \PDO
    {
        return $this->pdo;
    }

    /** @param array<string, mixed> $config */
    public function saveForm(array $config): void
    {
        $this->run(
            'INSERT INTO guichet_forms (id, config, updated_at) VALUES (?, ?, ?)
             ON CONFLICT (id) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at',
            [(string) $config['id'], Json::encode($config), gmdate('Y-m-d\TH:i:s\Z')]
        );
    }

    public function findForm(string $formId): ?array
    {
        $config = $this->run('SELECT config FROM guichet_forms WHERE id = ?', [$formId])->fetchColumn();
        return is_string($config) ? json_decode($config, true) : null;
    }

    public function transaction(callable $work)
    {
        if ($this->depth > 0) {
            return $work();
        }
        $this->pdo->exec('BEGIN IMMEDIATE');
        $this->depth++;
        try {
            $result = $work();
            $this->depth--;
            $this->pdo->exec('COMMIT');
            return $result;
        } catch (\Throwable $e) {
            $this->depth--;
            $this->pdo->exec('ROLLBACK');
            throw $e;
        }
    }

    public function insertOrder(array $order): void
    {
        $this->run(
            'INSERT INTO guichet_orders (id, form_id, kind, status, currency, total, refunded_amount, provider,
               provider_ref, payment_ref, subscription_ref, promo_code, search, created_at, expires_at, data)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
            [
                $order['id'], $order['formId'], $order['kind'], $order['status'], $order['currency'],
                (int) $order['total'], (int) $order['refundedAmount'], $order['provider'],
                $order['providerRef'] ?? null, $order['paymentRef'] ?? null, $order['subscriptionRef'] ?? null,
                $order['promoCode'] ?? null, self::searchText($order),
                $order['createdAt'], $order['expiresAt'] ?? null, Json::encode($order),
            ]
        );
    }

    public function findOrder(string $orderId): ?array
    {
        return $this->one('SELECT data FROM guichet_orders WHERE id = ?', [$orderId]);
    }

    public function findOrderByProviderRef(string $provider, string $providerRef): ?array
    {
        return $this->one(
            'SELECT data FROM guichet_orders WHERE provider = ? AND (provider_ref = ? OR payment_ref = ? OR subscription_ref = ?)
             ORDER BY created_at DESC LIMIT 1',
            [$provider, $providerRef, $providerRef, $providerRef]
        );
    }

    public function updateOrder(string $orderId, array $changes, ?string $expectedStatus = null): bool
    {
        return (bool) $this->transaction(function () use ($orderId, $changes, $expectedStatus): bool {
            $order = $this->findOrder($orderId);
            if ($order === null || ($expectedStatus !== null && $order['status'] !== $expectedStatus)) {
                return false;
            }
            $order = array_merge($order, $changes);
            $sql = 'UPDATE guichet_orders SET status = ?, total = ?, refunded_amount = ?, provider_ref = ?, payment_ref = ?,
                      subscription_ref = ?, promo_code = ?, search = ?, expires_at = ?, data = ? WHERE id = ?';
            $params = [
                $order['status'], (int) $order['total'], (int) $order['refundedAmount'], $order['providerRef'] ?? null,
                $order['paymentRef'] ?? null, $order['subscriptionRef'] ?? null, $order['promoCode'] ?? null, self::searchText($order), $order['expiresAt'] ?? null, Json::encode($order),
                $orderId,
            ];
            if ($expectedStatus !== null) {
                $sql .= ' AND status = ?';
                $params[] = $expectedStatus;
            }
            return $this->run($sql, $params)->rowCount() === 1;
        });
    }

    public function listOrders(array $filter, int $limit, int $offset): array
    {
        [$where, $params] = self::where($filter);
        $params[] = max(0, $limit);
        $params[] = max(0, $offset);
        $rows = $this->run(
            'SELECT data FROM guichet_orders' . $where . ' ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?',
            $params
        )->fetchAll(\PDO::FETCH_COLUMN);
        return array_map(static function (string $json): array {
            return json_decode($json, true);
        }, $rows);
    }

    public function countOrders(array $filter): int
    {
        [$where, $params] = self::where($filter);
        return (int) $this->run('SELECT COUNT(*) FROM guichet_orders' . $where, $params)->fetchColumn();
    }

    public function expiredPendingOrders(\DateTimeImmutable $now, int $limit): array
    {
        $rows = $this->run(
            "SELECT data FROM guichet_orders WHERE status = 'pending' AND expires_at IS NOT NULL AND expires_at <= ?
             ORDER BY expires_at LIMIT ?",
            [Instant::format($now), $limit]
        )->fetchAll(\PDO::FETCH_COLUMN);
        return array_map(static function (string $json): array {
            return json_decode($json, true);
        }, $rows);
    }

    public function holdSeats(string $formId, string $orderId, array $items, \DateTimeImmutable $expiresAt, \DateTimeImmutable $now): array
    {
        return $this->transaction(function () use ($formId, $orderId, $items, $expiresAt, $now): array {
            $shortfalls = [];
            foreach ($items as $typeId => $item) {
                $count = $this->count($formId, (string) $typeId, $now) + ['quota' => $item['quota']];
                if (!Reservations::canHold($count, (int) $item['quantity'], $now)) {
                    $shortfalls[] = ['typeId' => (string) $typeId, 'available' => (int) Reservations::availableSeats($count, $now)];
                }
            }
            if ($shortfalls !== []) {
                return $shortfalls;
            }
            foreach ($items as $typeId => $item) {
                $this->run(
                    "INSERT INTO guichet_seats (order_id, form_id, type_id, quantity, state, expires_at) VALUES (?, ?, ?, ?, 'held', ?)",
                    [$orderId, $formId, (string) $typeId, (int) $item['quantity'], Instant::format($expiresAt)]
                );
            }
            return [];
        });
    }

    /** @return array{sold: int, holds: array<int, array{quantity: int, expiresAt: string}>} */
    private function count(string $formId, string $typeId, \DateTimeImmutable $now): array
    {
        $sold = (int) $this->run(
            "SELECT COALESCE(SUM(quantity), 0) FROM guichet_seats WHERE form_id = ? AND type_id = ? AND state = 'sold'",
            [$formId, $typeId]
        )->fetchColumn();
        $holds = $this->run(
            "SELECT quantity, expires_at AS expiresAt FROM guichet_seats
             WHERE form_id = ? AND type_id = ? AND state = 'held' AND expires_at > ?",
            [$formId, $typeId, Instant::format($now)]
        )->fetchAll();
        return ['sold' => $sold, 'holds' => $holds];
    }

    public function confirmSeats(string $orderId): void
    {
        $this->run("UPDATE guichet_seats SET state = 'sold', expires_at = NULL WHERE order_id = ? AND state <> 'sold'", [$orderId]);
    }

    public function releaseSeats(string $orderId): void
    {
        $this->run("UPDATE guichet_seats SET state = 'released' WHERE order_id = ? AND state <> 'released'", [$orderId]);
    }

    public function seatCounts(string $formId, \DateTimeImmutable $now): array
    {
        $rows = $this->run(
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

    public function promoCodeUses(string $formId, string $code): int
    {
        return (int) $this->run(
            "SELECT COUNT(*) FROM guichet_orders WHERE form_id = ? AND promo_code = ? COLLATE NOCASE
             AND status IN ('pending', 'paid')",
            [$formId, $code]
        )->fetchColumn();
    }

    public function raisedAmount(string $formId): int
    {
        return (int) $this->run(
            "SELECT COALESCE(SUM(total - refunded_amount), 0) FROM guichet_orders WHERE form_id = ? AND status = 'paid'",
            [$formId]
        )->fetchColumn();
    }

    public function markEventProcessed(string $provider, string $eventId, \DateTimeImmutable $at): bool
    {
        return $this->run(
            'INSERT OR IGNORE INTO guichet_events (provider, event_id, processed_at) VALUES (?, ?, ?)',
            [$provider, $eventId, Instant::format($at)]
        )->rowCount() === 1;
    }

    public function findIdempotentResponse(string $key): ?array
    {
        $row = $this->run('SELECT request_hash, response FROM guichet_idempotency WHERE idempotency_key = ?', [$key])->fetch();
        if (!is_array($row)) {
            return null;
        }
        $response = $row['response'] === null ? null : json_decode((string) $row['response'], true);
        return ['requestHash' => (string) $row['request_hash'], 'response' => $response];
    }

    public function claimIdempotencyKey(string $key, string $requestHash, \DateTimeImmutable $at): bool
    {
        return $this->run(
            'INSERT OR IGNORE INTO guichet_idempotency (idempotency_key, request_hash, response, created_at) VALUES (?, ?, NULL, ?)',
            [$key, $requestHash, Instant::format($at)]
        )->rowCount() === 1;
    }

    public function completeIdempotencyKey(string $key, array $response): void
    {
        $this->run('UPDATE guichet_idempotency SET response = ? WHERE idempotency_key = ?', [Json::encode($response), $key]);
    }

    /** @param array<int, mixed> $params */
    private function run(string $sql, array $params): \PDOStatement
    {
        $statement = $this->pdo->prepare($sql);
        foreach (array_values($params) as $i => $value) {
            $statement->bindValue($i + 1, $value, is_int($value) ? \PDO::PARAM_INT : ($value === null ? \PDO::PARAM_NULL : \PDO::PARAM_STR));
        }
        $statement->execute();
        return $statement;
    }

    /** @param array<int, mixed> $params @return array<string, mixed>|null */
    private function one(string $sql, array $params): ?array
    {
        $json = $this->run($sql, $params)->fetchColumn();
        return is_string($json) ? json_decode($json, true) : null;
    }

    /** @param array<string, mixed> $order */
    private static function searchText(array $order): string
    {
        return strtolower(implode(' ', [
            $order['id'],
            $order['payer']['email'] ?? '',
            $order['payer']['firstName'] ?? '',
            $order['payer']['lastName'] ?? '',
            $order['reference'] ?? '',
        ]));
    }

    /**
     * @param array<string, string> $filter
     * @return array{0: string, 1: array<int, string>}
     */
    private static function where(array $filter): array
    {
        $clauses = [];
        $params = [];
        $columns = ['formId' => 'form_id', 'status' => 'status', 'kind' => 'kind', 'provider' => 'provider'];
        foreach ($columns as $key => $column) {
            if (isset($filter[$key]) && $filter[$key] !== '') {
                $clauses[] = $column . ' = ?';
                $params[] = $filter[$key];
            }
        }
        if (isset($filter['from']) && $filter['from'] !== '') {
            $clauses[] = 'created_at >= ?';
            $params[] = $filter['from'];
        }
        if (isset($filter['to']) && $filter['to'] !== '') {
            $clauses[] = 'created_at < ?';
            $params[] = $filter['to'];
        }
        if (isset($filter['search']) && $filter['search'] !== '') {
            $clauses[] = "search LIKE ? ESCAPE '\\'";
            $params[] = '%' . addcslashes(strtolower($filter['search']), '%_\\') . '%';
        }
        return [$clauses === [] ? '' : ' WHERE ' . implode(' AND ', $clauses), $params];
    }
}
