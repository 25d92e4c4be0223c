<?php
/**
 * The few things the storage classes need from $wpdb: prepared queries that throw on error (so a transaction
 * rolls back instead of carrying on half-written) and transactions that nest.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Storage;

defined('ABSPATH') || exit;

final class Database
{
    private \wpdb $wpdb;
    private int $depth = 0;

    public function __construct(\wpdb $wpdb)
    {
        $this->wpdb = $wpdb;
    }

    public function wpdb(): \wpdb
    {
        return $this->wpdb;
    }

    /** True on the SQLite drop-in (WordPress Playground, the test sites), where FOR UPDATE is ignored. */
    public function isSqlite(): bool
    {
        return defined('DB_ENGINE') && DB_ENGINE === 'sqlite';
    }

    /**
     * Runs $work in one transaction. On SQLite the drop-in opens START TRANSACTION as BEGIN IMMEDIATE, which takes
     * the database's write lock at once: transactions run one after another. On MySQL/MariaDB, READ COMMITTED
     * lets a transaction see rows committed while it waited on a FOR UPDATE lock.
     * @return mixed
     */
    public function transaction(callable $work)
    {
        if ($this->depth > 0) {
            return $work();
        }
        if (!$this->isSqlite()) {
            $this->exec('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
        }
        $this->exec('START TRANSACTION');
        $this->depth++;
        try {
            $result = $work();
            $this->depth--;
            $this->exec('COMMIT');
            return $result;
        } catch (\Throwable $e) {
            $this->depth--;
            $this->wpdb->query('ROLLBACK');
            throw $e;
        }
    }

    /** True inside transaction(): a failed statement there has rolled back the whole outer transaction. */
    public function inTransaction(): bool
    {
        return $this->depth > 0;
    }

    /** @param array<int, mixed> $params */
    public function sql(string $sql, array $params = []): string
    {
        return $params === [] ? $sql : (string) $this->wpdb->prepare($sql, ...$params);
    }

    /**
     * Runs a statement; returns the affected row count.
     * @param array<int, mixed> $params
     */
    public function exec(string $sql, array $params = []): int
    {
        $result = $this->wpdb->query($this->sql($sql, $params)); // phpcs:ignore WordPress.DB.PreparedSQL
        $this->check();
        return (int) $result;
    }

    /**
     * @param array<int, mixed> $params
     * @return array<int, array<string, mixed>>
     */
    public function rows(string $sql, array $params = []): array
    {
        $rows = $this->wpdb->get_results($this->sql($sql, $params), ARRAY_A); // phpcs:ignore WordPress.DB.PreparedSQL
        $this->check();
        return is_array($rows) ? $rows : [];
    }

    /**
     * @param array<int, mixed> $params
     * @return mixed the first column of the first row, or null
     */
    public function value(string $sql, array $params = [])
    {
        $value = $this->wpdb->get_var($this->sql($sql, $params)); // phpcs:ignore WordPress.DB.PreparedSQL
        $this->check();
        return $value;
    }

    /**
     * @param array<string, mixed> $row NULL values are written as SQL NULL
     * @return int affected rows
     */
    public function insert(string $table, array $row, bool $ignore = false): int
    {
        $columns = [];
        $values = [];
        foreach ($row as $column => $value) {
            $columns[] = $column;
            if ($value === null) {
                $values[] = 'NULL';
            } elseif (is_int($value)) {
                $values[] = (string) $value;
            } else {
                $values[] = $this->wpdb->prepare('%s', (string) $value);
            }
        }
        $verb = $ignore ? 'INSERT IGNORE' : 'INSERT';
        return $this->exec($verb . ' INTO ' . $table . ' (' . implode(', ', $columns) . ') VALUES (' . implode(', ', $values) . ')');
    }

    /**
     * @param array<string, mixed> $set
     * @param array<string, string> $where
     */
    public function update(string $table, array $set, array $where): int
    {
        $assignments = [];
        foreach ($set as $column => $value) {
            $assignments[] = $column . ' = ' . ($value === null ? 'NULL' : (is_int($value) ? (string) $value : $this->wpdb->prepare('%s', (string) $value)));
        }
        $conditions = [];
        foreach ($where as $column => $value) {
            $conditions[] = $this->wpdb->prepare($column . ' = %s', $value);
        }
        return $this->exec('UPDATE ' . $table . ' SET ' . implode(', ', $assignments) . ' WHERE ' . implode(' AND ', $conditions));
    }

    private function check(): void
    {
        if ($this->wpdb->last_error !== '') {
            $error = $this->wpdb->last_error;
            $this->wpdb->last_error = '';
            throw new \RuntimeException('Guichet database error: ' . $error);
        }
    }
}
