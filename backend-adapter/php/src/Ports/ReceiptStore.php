<?php

declare(strict_types=1);

namespace Guichet\Adapter\Ports;

/**
 * Tax receipts as the host keeps them: an append-only table that is also the hash-chained ledger
 * (docs/receipts.md). A receipt is an associative array with the keys of ReceiptRecord in
 * backend-adapter/src/domain/receipts/types.ts (issuedAt as Domain\Instant::format text, document and
 * orderIds as arrays). Reference implementations: Storage\MemoryReceiptStore and Storage\SqliteReceiptStore;
 * a host proves its own by extending tests/Storage/ReceiptStoreContractTestCase.php.
 */
interface ReceiptStore
{
    /**
     * Issues $draft (keys of ReceiptDraft) ATOMICALLY, or returns the receipt already issued under its
     * issueKey. In one transaction holding a lock that serialises every issue of the site: take the next
     * sequence of $draft['year'] (a counter row, never a database sequence: a rollback must leave no hole),
     * the next ledger position and the previous position's hash, format the number
     * (Domain\Receipts\ReceiptNumbers::format(year, sequence, prefix)), compute the hash
     * (Domain\Receipts\ReceiptChain::hash) and insert. Two concurrent calls never get the same number or
     * position, and no number is skipped.
     * @param array<string, mixed> $draft
     * @return array{receipt: array<string, mixed>, created: bool}
     */
    public function issueReceipt(array $draft): array;

    /** @return array<string, mixed>|null */
    public function findReceipt(string $id): ?array;

    /** @return array<string, mixed>|null */
    public function findReceiptByNumber(string $number): ?array;

    /**
     * In ledger order (position ascending). Filter keys, all optional: year (int), orderId (receipts naming
     * that order), email (exact, case-insensitive), replaces (receipts that replace that number).
     * @param array<string, mixed> $filter
     * @return array<int, array<string, mixed>>
     */
    public function listReceipts(array $filter, int $limit, int $offset): array;

    /** @param array<string, mixed> $filter */
    public function countReceipts(array $filter): int;
}
