<?php

declare(strict_types=1);

namespace Guichet\Adapter\Storage;

use Guichet\Adapter\Ports\ReceiptStore;

/**
 * Receipts in PHP arrays, for tests and one-request tools: one process, so the "lock" is PHP's single thread.
 * Append-only like every store: nothing here changes or removes a receipt once issued.
 */
final class MemoryReceiptStore implements ReceiptStore
{
    /** @var array<int, array<string, mixed>> in ledger order */
    private array $receipts = [];
    /** @var array<int, int> year => last sequence */
    private array $counters = [];

    public function issueReceipt(array $draft): array
    {
        $draft = ReceiptRecords::checkDraft($draft);
        foreach ($this->receipts as $receipt) {
            if ($receipt['issueKey'] === $draft['issueKey']) {
                return ['receipt' => $receipt, 'created' => false];
            }
        }
        $year = (int) $draft['year'];
        $last = end($this->receipts);
        // Sealing may throw (a bad prefix): nothing is kept then, so the series has no hole.
        $receipt = ReceiptRecords::seal(
            $draft,
            ReceiptRecords::newId(),
            ($this->counters[$year] ?? 0) + 1,
            count($this->receipts) + 1,
            $last === false ? ReceiptRecords::FIRST_PREV_HASH : (string) $last['hash']
        );
        $this->counters[$year] = $receipt['sequence'];
        $this->receipts[] = $receipt;
        return ['receipt' => $receipt, 'created' => true];
    }

    public function findReceipt(string $id): ?array
    {
        foreach ($this->receipts as $receipt) {
            if ($receipt['id'] === $id) {
                return $receipt;
            }
        }
        return null;
    }

    public function findReceiptByNumber(string $number): ?array
    {
        foreach ($this->receipts as $receipt) {
            if ($receipt['number'] === $number) {
                return $receipt;
            }
        }
        return null;
    }

    public function listReceipts(array $filter, int $limit, int $offset): array
    {
        return array_slice($this->matching($filter), max(0, $offset), max(0, $limit));
    }

    public function countReceipts(array $filter): int
    {
        return count($this->matching($filter));
    }

    /** @param array<string, mixed> $filter @return array<int, array<string, mixed>> */
    private function matching(array $filter): array
    {
        return array_values(array_filter($this->receipts, static function (array $receipt) use ($filter): bool {
            return ReceiptRecords::matches($receipt, $filter);
        }));
    }
}
