<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Storage;

use Guichet\Adapter\Ports\ReceiptStore;
use Guichet\Adapter\Storage\SqliteReceiptStore;
use Guichet\Adapter\Storage\SqliteStorage;

/** The receipt store contract on a SQLite file shared with concurrent PHP processes, plus what SQLite adds. */
final class SqliteReceiptStoreContractTest extends ReceiptStoreContractTestCase
{
    private ?string $file = null;
    private ?SqliteReceiptStore $store = null;

    protected function createReceiptStore(): ReceiptStore
    {
        $this->file = tempnam(sys_get_temp_dir(), 'guichet-receipts-') . '.sqlite';
        return $this->store = SqliteReceiptStore::open($this->file);
    }

    protected function receiptStoreInAnotherProcess(): ?string
    {
        return 'require ' . var_export(dirname(__DIR__, 2) . '/autoload.php', true) . ';'
            . ' $store = \Guichet\Adapter\Storage\SqliteReceiptStore::open(' . var_export($this->file, true) . ');';
    }

    protected function tearDown(): void
    {
        $this->store = null;
        if ($this->file !== null) {
            foreach (['', '-wal', '-shm'] as $suffix) {
                @unlink($this->file . $suffix);
            }
            @unlink(substr($this->file, 0, -strlen('.sqlite')));
        }
    }

    public function testTheLedgerRefusesUpdatesAndDeletes(): void
    {
        $store = $this->createReceiptStore();
        $store->issueReceipt(self::draft('payment:a'));
        $pdo = $this->store->pdo();
        foreach (["UPDATE guichet_receipts SET data = '{}'", 'DELETE FROM guichet_receipts'] as $sql) {
            try {
                $pdo->exec($sql);
                self::fail('append-only: ' . $sql);
            } catch (\PDOException $e) {
                self::assertStringContainsString('append-only', $e->getMessage());
            }
        }
        self::assertSame(1, $store->countReceipts([]));
    }

    public function testReceiptsShareTheOrdersDatabaseFile(): void
    {
        $this->file = tempnam(sys_get_temp_dir(), 'guichet-receipts-') . '.sqlite';
        $orders = SqliteStorage::open($this->file);
        $store = new SqliteReceiptStore($orders->pdo());
        $store->migrate();
        $store->issueReceipt(self::draft('payment:a'));
        self::assertSame(1, SqliteReceiptStore::open($this->file)->countReceipts([]));
        self::assertNull($orders->findOrder('a'));
    }

    public function testANumberIsReplacedOnceAndARefusedReplacementUsesNoNumber(): void
    {
        $store = $this->createReceiptStore();
        $store->issueReceipt(self::draft('payment:a'));
        $store->issueReceipt(self::draft('cancel:2026-00001', ['kind' => 'cancellation', 'replaces' => '2026-00001']));
        try {
            $store->issueReceipt(self::draft('correct:2026-00001:1', ['kind' => 'correction', 'replaces' => '2026-00001']));
            self::fail('a second replacement of 2026-00001 must be refused');
        } catch (\PDOException $e) {
            self::assertStringContainsString('UNIQUE', $e->getMessage());
        }
        self::assertSame('2026-00003', $store->issueReceipt(self::draft('payment:b'))['receipt']['number']);
        self::assertSame(3, $store->countReceipts([]));
    }
}
