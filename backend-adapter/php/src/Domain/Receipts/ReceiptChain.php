<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain\Receipts;

use Guichet\Adapter\Domain\Instant;

/**
 * The receipts ledger's hash chain (receipts/receipt-chain.ts, docs/receipts.md): the same canonical JSON
 * bytes and the same SHA-256 as the TypeScript side, so a ledger verifies whichever adapter wrote it.
 */
final class ReceiptChain
{
    public const GENESIS_HASH = '0000000000000000000000000000000000000000000000000000000000000000';

    public const HASHED_FIELDS = ['amount', 'currency', 'document', 'email', 'issueKey', 'issuedAt', 'kind',
        'number', 'orderIds', 'position', 'replaces'];

    private const JSON_FLAGS = JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_LINE_TERMINATORS
        | JSON_THROW_ON_ERROR;

    /**
     * JSON with object keys sorted by code point at every level, no whitespace, strings escaped as
     * JSON.stringify does, integers only. A PHP list (keys 0..n-1, or empty) is an array, any other array or
     * an object is an object; a DateTimeInterface is written as Instant::format.
     * @param mixed $value
     */
    public static function canonicalJson($value): string
    {
        if ($value === null) {
            return 'null';
        }
        if ($value instanceof \DateTimeInterface) {
            return self::string(Instant::format($value));
        }
        if (is_bool($value)) {
            return $value ? 'true' : 'false';
        }
        if (is_int($value)) {
            if ($value > 9007199254740991 || $value < -9007199254740991) {
                throw new \InvalidArgumentException('Canonical JSON carries safe integers only: ' . $value);
            }
            return (string) $value;
        }
        if (is_string($value)) {
            return self::string($value);
        }
        if (is_object($value)) {
            $value = get_object_vars($value);
            return self::object($value);
        }
        if (is_array($value)) {
            if ($value === [] || array_keys($value) === range(0, count($value) - 1)) {
                return '[' . implode(',', array_map([self::class, 'canonicalJson'], $value)) . ']';
            }
            return self::object($value);
        }
        throw new \InvalidArgumentException('Canonical JSON cannot carry a ' . gettype($value));
    }

    /** The canonical text of what a receipt's hash covers. @param array<string, mixed> $record */
    public static function hashInput(array $record): string
    {
        $fields = [];
        foreach (self::HASHED_FIELDS as $key) {
            if (!array_key_exists($key, $record)) {
                throw new \InvalidArgumentException('A hashed receipt needs ' . $key);
            }
            $fields[$key] = $record[$key];
        }
        $fields['issuedAt'] = Instant::format(Instant::of($record['issuedAt']));
        return self::canonicalJson($fields);
    }

    /** Lower-case hex SHA-256 of `prevHash + "\n" + canonicalJson(fields)`. @param array<string, mixed> $record */
    public static function hash(string $prevHash, array $record): string
    {
        if (!preg_match('/^[0-9a-f]{64}$/D', $prevHash)) {
            throw new \InvalidArgumentException('prevHash is 64 lower-case hex digits');
        }
        return hash('sha256', $prevHash . "\n" . self::hashInput($record));
    }

    /**
     * Recomputes the chain in position order; names the first position that breaks it (reason `position`,
     * `prev_hash` or `hash`).
     * @param array<int, array<string, mixed>> $records
     * @return array{ok: true, count: int}|array{ok: false, position: int, reason: string}
     */
    public static function verify(array $records): array
    {
        usort($records, static function (array $a, array $b): int {
            return (int) $a['position'] <=> (int) $b['position'];
        });
        $previous = self::GENESIS_HASH;
        foreach (array_values($records) as $index => $record) {
            $expected = $index + 1;
            if ((int) $record['position'] !== $expected) {
                return ['ok' => false, 'position' => $expected, 'reason' => 'position'];
            }
            if (($record['prevHash'] ?? null) !== $previous) {
                return ['ok' => false, 'position' => $expected, 'reason' => 'prev_hash'];
            }
            if (self::hash($previous, $record) !== ($record['hash'] ?? null)) {
                return ['ok' => false, 'position' => $expected, 'reason' => 'hash'];
            }
            $previous = $record['hash'];
        }
        return ['ok' => true, 'count' => count($records)];
    }

    private static function string(string $text): string
    {
        return json_encode($text, self::JSON_FLAGS);
    }

    /** @param array<int|string, mixed> $value */
    private static function object(array $value): string
    {
        $keys = array_map('strval', array_keys($value));
        $pairs = array_combine($keys, array_values($value));
        ksort($pairs, SORT_STRING);
        $out = [];
        foreach ($pairs as $key => $item) {
            $out[] = self::string((string) $key) . ':' . self::canonicalJson($item);
        }
        return '{' . implode(',', $out) . '}';
    }
}
