<?php

declare(strict_types=1);

namespace Guichet\Adapter\Storage;

/**
 * One PDO SQLite connection as SqliteStorage's parts share it: prepared statements with typed bindings, and
 * transactions that take SQLite's write lock at once (BEGIN IMMEDIATE); a nested call joins the outer one.
 */
final class SqliteConnection
{
    private \PDO $pdo;
    private int $depth = 0;

    public function __construct(\PDO $pdo)
    {
        $this->pdo = $pdo;
    }

    public function pdo(): \PDO
    {
        return $this->pdo;
    }

    /**
     * @template T
     * @param callable(): T $work
     * @return T
     */
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

    /** @param array<int, mixed> $params */
    public function run(string $sql, array $params): \PDOStatement
    {
        $statement = $this->pdo->prepare($sql);
        foreach (array_values($params) as $i => $value) {
            $statement->bindValue($i + 1, $value, is_int($value) ? \PDO::PARAM_INT : ($value === null ? \PDO::PARAM_NULL : \PDO::PARAM_STR));
        }
        $statement->execute();
        return $statement;
    }

    /** @param array<int, mixed> $params @return array<string, mixed>|null */
    public function one(string $sql, array $params): ?array
    {
        $json = $this->run($sql, $params)->fetchColumn();
        return is_string($json) ? json_decode($json, true) : null;
    }
}
