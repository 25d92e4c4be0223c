<?php

declare(strict_types=1);

namespace Guichet\Adapter\Storage;

use Guichet\Adapter\Ports\ReceiptStore;
use Guichet\Adapter\Protocol\Json;

/**
 * The reference ReceiptStore on PDO SQLite (the same file as SqliteStorage, or its own). Issuing runs in one
 * BEGIN IMMEDIATE transaction: SQLite's write lock is taken first, so the counter row of the year, the ledger
 * position and the previous hash are read and bumped with no other writer in between, across processes. The
 * counters are plain rows (no AUTOINCREMENT): a failed insert rolls them back with it, leaving no hole.
 */
final class SqliteReceiptStore implements ReceiptStore
{
    private SqliteConnection $db;

    public function __construct(\PDO $pdo)
    {
        $pdo->setAttribute(\PDO::ATTR_ERRMODE, \PDO::ERRMODE_EXCEPTION);
        $pdo->setAttribute(\PDO::ATTR_DEFAULT_FETCH_MODE, \PDO::FETCH_ASSOC);
        $pdo->exec('PRAGMA busy_timeout = 10000');
        $this->db = new SqliteConnection($pdo);
    }

    /** Opens (and migrates) a database file; ':memory:' for a private in-memory database. */
    public static function open(string $path): self
    {
        $pdo = new \PDO('sqlite:' . $path);
        if ($path !== ':memory:') {
            $pdo->exec('PRAGMA journal_mode = WAL');
        }
        $store = new self($pdo);
        $store->migrate();
        return $store;
    }

    public function migrate(): void
    {
        SqliteReceiptSchema::migrate($this->db->pdo());
    }

    public function pdo(): \PDO
    {
        return $this->db->pdo();
    }

    public function issueReceipt(array $draft): array
    {
        $draft = ReceiptRecords::checkDraft($draft);
        $existing = $this->findByKey((string) $draft['issueKey']);
        if ($existing !== null) {
            return ['receipt' => $existing, 'created' => false];
        }
        return $this->db->transaction(function () use ($draft): array {
            // Asked again under the lock: another process may have issued it since the first look.
            $existing = $this->findByKey((string) $draft['issueKey']);
            if ($existing !== null) {
                return ['receipt' => $existing, 'created' => false];
            }
            $sequence = $this->bump('year:' . $draft['year']);
            $position = $this->bump('ledger');
            $prevHash = $this->db->run('SELECT hash FROM guichet_receipts ORDER BY position DESC LIMIT 1', [])->fetchColumn();
            $receipt = ReceiptRecords::seal(
                $draft,
                ReceiptRecords::newId(),
                $sequence,
                $position,
                is_string($prevHash) ? $prevHash : ReceiptRecords::FIRST_PREV_HASH
            );
            $this->db->run(
                'INSERT INTO guichet_receipts (position, id, number, issue_key, year, sequence, kind, replaces, email,
                   issued_at, prev_hash, hash, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
                [
                    $position, $receipt['id'], $receipt['number'], $receipt['issueKey'], (int) $receipt['year'], $sequence,
                    $receipt['kind'], $receipt['replaces'], strtolower((string) $receipt['email']), $receipt['issuedAt'],
                    $receipt['prevHash'], $receipt['hash'], Json::encode($receipt),
                ]
            );
            foreach (array_unique($receipt['orderIds']) as $orderId) {
                $this->db->run('INSERT INTO guichet_receipt_orders (order_id, position) VALUES (?, ?)', [$orderId, $position]);
            }
            return ['receipt' => $receipt, 'created' => true];
        });
    }

    public function findReceipt(string $id): ?array
    {
        return $this->db->one('SELECT data FROM guichet_receipts WHERE id = ?', [$id]);
    }

    public function findReceiptByNumber(string $number): ?array
    {
        return $this->db->one('SELECT data FROM guichet_receipts WHERE number = ?', [$number]);
    }

    public function listReceipts(array $filter, int $limit, int $offset): array
    {
        [$where, $params] = self::where($filter);
        $params[] = max(0, $limit);
        $params[] = max(0, $offset);
        $rows = $this->db->run('SELECT data FROM guichet_receipts' . $where . ' ORDER BY position LIMIT ? OFFSET ?', $params)->fetchAll(\PDO::FETCH_COLUMN);
        return array_map(static function (string $json): array {
            return json_decode($json, true);
        }, $rows);
    }

    public function countReceipts(array $filter): int
    {
        [$where, $params] = self::where($filter);
        return (int) $this->db->run('SELECT COUNT(*) FROM guichet_receipts' . $where, $params)->fetchColumn();
    }

    /** @return array<string, mixed>|null */
    private function findByKey(string $issueKey): ?array
    {
        return $this->db->one('SELECT data FROM guichet_receipts WHERE issue_key = ?', [$issueKey]);
    }

    /** The next value of a counter row, written in the current transaction. */
    private function bump(string $series): int
    {
        $this->db->run('INSERT OR IGNORE INTO guichet_receipt_counters (series, last) VALUES (?, 0)', [$series]);
        $this->db->run('UPDATE guichet_receipt_counters SET last = last + 1 WHERE series = ?', [$series]);
        return (int) $this->db->run('SELECT last FROM guichet_receipt_counters WHERE series = ?', [$series])->fetchColumn();
    }

    /**
     * @param array<string, mixed> $filter
     * @return array{0: string, 1: array<int, mixed>}
     */
    private static function where(array $filter): array
    {
        $clauses = [];
        $params = [];
        if (isset($filter['year'])) {
            $clauses[] = 'year = ?';
            $params[] = (int) $filter['year'];
        }
        if (isset($filter['orderId'])) {
            $clauses[] = 'position IN (SELECT position FROM guichet_receipt_orders WHERE order_id = ?)';
            $params[] = (string) $filter['orderId'];
        }
        if (isset($filter['email'])) {
            $clauses[] = 'email = ?';
            $params[] = strtolower((string) $filter['email']);
        }
        if (isset($filter['replaces'])) {
            $clauses[] = 'replaces = ?';
            $params[] = (string) $filter['replaces'];
        }
        return [$clauses === [] ? '' : ' WHERE ' . implode(' AND ', $clauses), $params];
    }
}
