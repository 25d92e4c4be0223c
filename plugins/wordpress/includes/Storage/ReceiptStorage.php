<?php
/**
 * The adapter's ReceiptStore port on two custom tables: guichet_receipts (append-only, the hash-chained ledger:
 * rows are inserted, never updated or deleted) and guichet_receipt_counters (one row per year's series and one
 * `ledger` row holding the chain's head). Every issue runs in one transaction that first locks the `ledger` row:
 * `SELECT … FOR UPDATE` on MySQL/MariaDB (InnoDB), the drop-in's `BEGIN IMMEDIATE` write lock on SQLite. Numbers
 * come from the counter rows, never AUTO_INCREMENT, so a rolled back insert leaves no hole (docs/receipts.md).
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Storage;

use Guichet\Adapter\Ports\ReceiptStore;
use Guichet\Adapter\Protocol\Json;
use Guichet\Adapter\Storage\ReceiptRecords;

defined('ABSPATH') || exit;

final class ReceiptStorage implements ReceiptStore
{
    private const LEDGER = 'ledger';
    /** InnoDB may pick a victim among waiters on the first counter row of a year; the issue is idempotent. */
    private const ATTEMPTS = 3;

    private Database $db;
    private string $receipts;
    private string $counters;

    public function __construct(Database $db)
    {
        $this->db = $db;
        $this->receipts = Schema::table('receipts');
        $this->counters = Schema::table('receipt_counters');
    }

    public function issueReceipt(array $draft): array
    {
        // A retry is a fresh transaction: never inside someone else's, which the deadlock already rolled back.
        $attempts = $this->db->inTransaction() ? 1 : self::ATTEMPTS;
        for ($attempt = 1; ; $attempt++) {
            try {
                return $this->db->transaction(function () use ($draft): array {
                    return $this->issueLocked($draft);
                });
            } catch (\RuntimeException $e) {
                if ($attempt >= $attempts || stripos($e->getMessage(), 'deadlock') === false) {
                    throw $e;
                }
            }
        }
    }

    /**
     * @param array<string, mixed> $draft
     * @return array{receipt: array<string, mixed>, created: bool}
     */
    private function issueLocked(array $draft): array
    {
        $draft = ReceiptRecords::checkDraft($draft);
        // The ledger row serialises every issue of the site; READ COMMITTED then sees what the previous holder wrote.
        $head = $this->lockCounter(self::LEDGER, ReceiptRecords::FIRST_PREV_HASH);
        $existing = $this->decode($this->db->value(
            "SELECT data FROM {$this->receipts} WHERE issue_hash = %s",
            [hash('sha256', (string) $draft['issueKey'])]
        ));
        if ($existing !== null) {
            return ['receipt' => $existing, 'created' => false];
        }
        $series = 'year:' . (int) $draft['year'];
        // Sealing may throw (a bad prefix): the transaction then rolls the counters back, leaving no hole.
        $receipt = ReceiptRecords::seal(
            $draft,
            ReceiptRecords::newId(),
            $this->lockCounter($series, '')['value'] + 1,
            $head['value'] + 1,
            $head['hash']
        );
        $this->db->insert($this->receipts, [
            'id' => (string) $receipt['id'],
            'ledger_position' => (int) $receipt['position'],
            'issue_hash' => hash('sha256', (string) $receipt['issueKey']),
            'number' => (string) $receipt['number'],
            'series_year' => (int) $receipt['year'],
            'series_seq' => (int) $receipt['sequence'],
            'kind' => (string) $receipt['kind'],
            'replaces' => $receipt['replaces'] === null ? null : (string) $receipt['replaces'],
            'order_ids' => Json::encode($receipt['orderIds']),
            'email' => strtolower((string) $receipt['email']),
            'amount' => (int) $receipt['amount'],
            'currency' => (string) $receipt['currency'],
            'issued_at' => (string) $receipt['issuedAt'],
            'hash' => (string) $receipt['hash'],
            'data' => Json::encode($receipt),
        ]);
        $this->db->update($this->counters, ['counter_value' => (int) $receipt['sequence']], ['counter_name' => $series]);
        $this->db->update(
            $this->counters,
            ['counter_value' => (int) $receipt['position'], 'head_hash' => (string) $receipt['hash']],
            ['counter_name' => self::LEDGER]
        );
        return ['receipt' => $receipt, 'created' => true];
    }

    /**
     * Creates the counter row if needed and locks it for the rest of the transaction. ON DUPLICATE KEY UPDATE asks
     * InnoDB for the exclusive lock straight away (INSERT IGNORE would take a shared one first, and two shared
     * holders both waiting to upgrade deadlock).
     * @return array{value: int, hash: string}
     */
    private function lockCounter(string $name, string $hash): array
    {
        $this->db->exec(
            "INSERT INTO {$this->counters} (counter_name, counter_value, head_hash) VALUES (%s, 0, %s) ON DUPLICATE KEY UPDATE counter_value = counter_value",
            [$name, $hash]
        );
        $row = $this->db->rows("SELECT counter_value, head_hash FROM {$this->counters} WHERE counter_name = %s FOR UPDATE", [$name])[0] ?? null;
        if ($row === null) {
            throw new \RuntimeException('Guichet database error: receipt counter ' . $name . ' missing');
        }
        return ['value' => (int) $row['counter_value'], 'hash' => (string) $row['head_hash']];
    }

    public function findReceipt(string $id): ?array
    {
        return $this->decode($this->db->value("SELECT data FROM {$this->receipts} WHERE id = %s", [$id]));
    }

    public function findReceiptByNumber(string $number): ?array
    {
        return $this->decode($this->db->value("SELECT data FROM {$this->receipts} WHERE number = %s", [$number]));
    }

    public function listReceipts(array $filter, int $limit, int $offset): array
    {
        [$where, $params] = $this->where($filter);
        $params[] = max(0, $limit);
        $params[] = max(0, $offset);
        $rows = $this->db->rows("SELECT data FROM {$this->receipts}{$where} ORDER BY ledger_position LIMIT %d OFFSET %d", $params);
        $out = [];
        foreach ($rows as $row) {
            $receipt = $this->decode($row['data'] ?? null);
            if ($receipt !== null) {
                $out[] = $receipt;
            }
        }
        return $out;
    }

    public function countReceipts(array $filter): int
    {
        [$where, $params] = $this->where($filter);
        return (int) $this->db->value("SELECT COUNT(*) FROM {$this->receipts}{$where}", $params);
    }

    /**
     * @param array<string, mixed> $filter
     * @return array{0: string, 1: array<int, mixed>}
     */
    private function where(array $filter): array
    {
        $clauses = [];
        $params = [];
        if (isset($filter['year'])) {
            $clauses[] = 'series_year = %d';
            $params[] = (int) $filter['year'];
        }
        if (isset($filter['email'])) {
            $clauses[] = 'email = %s';
            $params[] = strtolower((string) $filter['email']);
        }
        if (isset($filter['replaces'])) {
            $clauses[] = 'replaces = %s';
            $params[] = (string) $filter['replaces'];
        }
        if (isset($filter['orderId'])) {
            // order_ids is a JSON list of strings: the quoted id matches one whole element.
            $clauses[] = 'order_ids LIKE %s';
            $params[] = '%' . $this->db->wpdb()->esc_like(Json::encode((string) $filter['orderId'])) . '%';
        }
        return [$clauses === [] ? '' : ' WHERE ' . implode(' AND ', $clauses), $params];
    }

    /**
     * @param mixed $data
     * @return array<string, mixed>|null
     */
    private function decode($data): ?array
    {
        if (!is_string($data) || $data === '') {
            return null;
        }
        return Json::decodeObject($data);
    }
}
