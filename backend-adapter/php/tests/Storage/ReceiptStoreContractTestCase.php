<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Storage;

use Guichet\Adapter\Domain\Receipts\ReceiptChain;
use Guichet\Adapter\Ports\ReceiptStore;
use Guichet\Adapter\Tests\Support\ConcurrentPhp;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/../Support/ConcurrentPhp.php';

/**
 * What every Ports\ReceiptStore must do (docs/receipts.md, "Numbering and the ledger"), as PHPUnit cases a
 * host runs against its own store: extend this class, return a fresh empty store from createReceiptStore(),
 * and, for the concurrency case, say how another PHP process reaches the same data. It needs nothing but
 * PHPUnit and the adapter's autoload.php:
 *
 *     require_once '…/backend-adapter/php/tests/Storage/ReceiptStoreContractTestCase.php';
 *     final class MyReceiptStoreContractTest extends \Guichet\Adapter\Tests\Storage\ReceiptStoreContractTestCase
 *     {
 *         protected function createReceiptStore(): \Guichet\Adapter\Ports\ReceiptStore { return new MyStore(…); }
 *         protected function receiptStoreInAnotherProcess(): ?string { return 'require …; $store = new MyStore(…);'; }
 *     }
 *
 * Run here against MemoryReceiptStore and SqliteReceiptStore.
 */
abstract class ReceiptStoreContractTestCase extends TestCase
{
    protected const ISSUED_AT = '2026-03-01T09:30:00.000Z';

    /** A fresh, empty store; called once per test. */
    abstract protected function createReceiptStore(): ReceiptStore;

    /**
     * PHP code (no `<?php`) that, run by `php -r` in another process, sets `$store` to a ReceiptStore on the
     * same data as the last createReceiptStore() (autoloads included). Null: the store lives in one process,
     * and the concurrent-issuers case is skipped.
     */
    protected function receiptStoreInAnotherProcess(): ?string
    {
        return null;
    }

    /**
     * Why this host cannot run the concurrent-issuers case (no PHP binary, a database that another process
     * cannot open…), or null to run it. The default skips only when receiptStoreInAnotherProcess() is null.
     */
    protected function concurrencySkipReason(): ?string
    {
        return ConcurrentPhp::unavailable();
    }

    /** How many processes issue at once, and how many receipts each (about 200 in all). */
    protected function concurrency(): array
    {
        return ['processes' => 8, 'receiptsEach' => 30];
    }

    /**
     * A draft as the receipts service makes it (keys of ReceiptDraft), with changes.
     * @param array<string, mixed> $changes
     * @return array<string, mixed>
     */
    protected static function draft(string $issueKey, array $changes = []): array
    {
        $address = ['line1' => '3 rue des Lilas', 'postalCode' => '69003', 'city' => 'Lyon', 'country' => 'FR'];
        $amount = (int) ($changes['amount'] ?? 5000);
        return array_replace([
            'issueKey' => $issueKey,
            'kind' => 'payment',
            'year' => 2026,
            'prefix' => null,
            'replaces' => null,
            'orderIds' => ['ord_' . substr(md5($issueKey), 0, 12)],
            'email' => 'camille.martin@example.fr',
            'donorName' => 'Camille Martin',
            'amount' => $amount,
            'currency' => 'EUR',
            'issuedAt' => self::ISSUED_AT,
            'document' => [
                'version' => 1,
                'variant' => 'individual',
                'beneficiary' => [
                    'name' => 'Les Amis du Jardin',
                    'address' => ['line1' => '12 rue des Écoles', 'postalCode' => '75005', 'city' => 'Paris', 'country' => 'FR'],
                    'object' => 'Faire vivre un jardin partagé',
                    'status' => 'general_interest',
                ],
                'donor' => ['type' => 'individual', 'firstName' => 'Camille', 'lastName' => 'Martin', 'address' => $address],
                'amount' => $amount,
                'currency' => 'EUR',
                'amountInWords' => 'cinquante euros',
                'paidOn' => '2026-03-01',
                'cgiArticles' => ['200'],
                'form' => 'manual_gift_declaration',
                'nature' => 'cash_money',
                'paymentMethod' => 'transfer_debit_card',
                'issuedOn' => '2026-03-01',
                'signatory' => ['name' => 'Claude Petit', 'role' => 'Trésorière'],
            ],
        ], $changes);
    }

    /** @param array<int, array<string, mixed>> $receipts @return string[] */
    private static function numbers(array $receipts): array
    {
        return array_map(static function (array $receipt): string {
            return (string) $receipt['number'];
        }, $receipts);
    }

    /** @return array<int, array<string, mixed>> the whole ledger, in position order */
    private static function ledger(ReceiptStore $store): array
    {
        return $store->listReceipts([], 100000, 0);
    }

    // Numbering

    public function testReceiptsAreNumberedFromOneInTheSeriesOfTheirYear(): void
    {
        $store = $this->createReceiptStore();
        $numbers = [];
        foreach (['a', 'b', 'c'] as $key) {
            $numbers[] = $store->issueReceipt(self::draft('payment:' . $key))['receipt']['number'];
        }
        self::assertSame(['2026-00001', '2026-00002', '2026-00003'], $numbers);
    }

    public function testThePrefixGoesBeforeTheNumberAndSharesTheYearsSeries(): void
    {
        $store = $this->createReceiptStore();
        $store->issueReceipt(self::draft('payment:a'));
        $issued = $store->issueReceipt(self::draft('payment:b', ['prefix' => 'RF']))['receipt'];
        self::assertSame('RF-2026-00002', $issued['number']);
        self::assertSame(2, $issued['sequence']);
        self::assertSame('RF', $issued['prefix']);
    }

    public function testEachYearHasItsOwnSeriesWhileTheLedgerRunsAcrossYears(): void
    {
        $store = $this->createReceiptStore();
        $issued = [
            $store->issueReceipt(self::draft('payment:a', ['year' => 2026]))['receipt'],
            $store->issueReceipt(self::draft('annual:2026:x', ['year' => 2027, 'kind' => 'annual', 'issuedAt' => '2027-01-05T08:00:00.000Z']))['receipt'],
            $store->issueReceipt(self::draft('payment:b', ['year' => 2026]))['receipt'],
            $store->issueReceipt(self::draft('payment:c', ['year' => 2027, 'issuedAt' => '2027-01-06T08:00:00.000Z']))['receipt'],
        ];
        self::assertSame(['2026-00001', '2027-00001', '2026-00002', '2027-00002'], self::numbers($issued));
        self::assertSame([1, 2, 3, 4], array_column($issued, 'position'));
    }

    public function testTheSameIssueKeyGivesBackTheReceiptAlreadyIssued(): void
    {
        $store = $this->createReceiptStore();
        $first = $store->issueReceipt(self::draft('payment:ord_1'));
        $again = $store->issueReceipt(self::draft('payment:ord_1', ['amount' => 9900, 'email' => 'someone@else.fr']));
        self::assertTrue($first['created']);
        self::assertFalse($again['created']);
        self::assertSame($first['receipt'], $again['receipt']);
        self::assertSame(1, $store->countReceipts([]));
        self::assertSame('2026-00002', $store->issueReceipt(self::draft('payment:ord_2'))['receipt']['number'], 'the replay used no number');
    }

    public function testARefusedDraftUsesNoNumber(): void
    {
        $store = $this->createReceiptStore();
        try {
            $store->issueReceipt(self::draft('payment:bad', ['prefix' => 'not a prefix!']));
            self::fail('A prefix that is not 1 to 8 capital letters must be refused');
        } catch (\InvalidArgumentException | \RangeException | \DomainException | \UnexpectedValueException $e) {
            self::assertNotSame('', $e->getMessage());
        }
        self::assertSame(0, $store->countReceipts([]));
        self::assertSame('2026-00001', $store->issueReceipt(self::draft('payment:good'))['receipt']['number']);
    }

    // What is kept

    public function testAReceiptComesBackWholeByIdAndByNumber(): void
    {
        $store = $this->createReceiptStore();
        $draft = self::draft('payment:ord_1', ['orderIds' => ['ord_1'], 'donorName' => 'Camille Martin']);
        $issued = $store->issueReceipt($draft)['receipt'];
        self::assertMatchesRegularExpression('/^rcp_[0-9a-f]{24}$/', $issued['id']);
        foreach ($draft as $key => $value) {
            self::assertSame($value, $issued[$key], $key);
        }
        self::assertSame($issued, $store->findReceipt($issued['id']));
        self::assertSame($issued, $store->findReceiptByNumber('2026-00001'));
        self::assertNull($store->findReceipt('rcp_000000000000000000000000'));
        self::assertNull($store->findReceiptByNumber('2026-00002'));
    }

    public function testIssuedAtIsKeptAsUtcTextWithMilliseconds(): void
    {
        $store = $this->createReceiptStore();
        $issued = $store->issueReceipt(self::draft('payment:a', ['issuedAt' => new \DateTimeImmutable('2026-03-01T10:30:00+01:00')]))['receipt'];
        self::assertSame('2026-03-01T09:30:00.000Z', $issued['issuedAt']);
    }

    public function testReceiptIdsDiffer(): void
    {
        $store = $this->createReceiptStore();
        $a = $store->issueReceipt(self::draft('payment:a'))['receipt'];
        $b = $store->issueReceipt(self::draft('payment:b'))['receipt'];
        self::assertNotSame($a['id'], $b['id']);
    }

    // The ledger

    public function testEachReceiptChainsToThePreviousOneAndTheChainVerifies(): void
    {
        $store = $this->createReceiptStore();
        $store->issueReceipt(self::draft('payment:a'));
        $store->issueReceipt(self::draft('payment:b', ['year' => 2027, 'issuedAt' => '2027-01-02T08:00:00.000Z']));
        $store->issueReceipt(self::draft('cancel:2026-00001', ['kind' => 'cancellation', 'replaces' => '2026-00001']));
        $ledger = self::ledger($store);
        self::assertSame([1, 2, 3], array_column($ledger, 'position'));
        self::assertSame(str_repeat('0', 64), $ledger[0]['prevHash']);
        self::assertSame($ledger[0]['hash'], $ledger[1]['prevHash']);
        self::assertSame($ledger[1]['hash'], $ledger[2]['prevHash']);
        foreach ($ledger as $receipt) {
            self::assertSame(ReceiptChain::hash($receipt['prevHash'], $receipt), $receipt['hash']);
        }
        self::assertTrue(ReceiptChain::verify($ledger)['ok']);
    }

    // Lists

    public function testTheListIsInLedgerOrderFilteredAndPaged(): void
    {
        $store = $this->createReceiptStore();
        $store->issueReceipt(self::draft('payment:o1', ['orderIds' => ['o1'], 'email' => 'Camille.Martin@Example.fr']));
        $store->issueReceipt(self::draft('payment:o2', ['orderIds' => ['o2'], 'email' => 'dominique@example.fr']));
        $store->issueReceipt(self::draft('annual:2026:x', ['kind' => 'annual', 'year' => 2027, 'orderIds' => ['o3', 'o4'], 'email' => 'dominique@example.fr', 'issuedAt' => '2027-01-05T08:00:00.000Z']));
        $store->issueReceipt(self::draft('cancel:2026-00001', ['kind' => 'cancellation', 'orderIds' => ['o1'], 'replaces' => '2026-00001']));

        self::assertSame(['2026-00001', '2026-00002', '2027-00001', '2026-00003'], self::numbers(self::ledger($store)));
        self::assertSame(['2026-00001', '2026-00002', '2026-00003'], self::numbers($store->listReceipts(['year' => 2026], 10, 0)));
        self::assertSame(['2027-00001'], self::numbers($store->listReceipts(['orderId' => 'o4'], 10, 0)));
        self::assertSame(['2026-00001', '2026-00003'], self::numbers($store->listReceipts(['orderId' => 'o1'], 10, 0)));
        self::assertSame(['2026-00001', '2026-00003'], self::numbers($store->listReceipts(['email' => 'camille.martin@EXAMPLE.FR'], 10, 0)));
        self::assertSame(['2026-00003'], self::numbers($store->listReceipts(['replaces' => '2026-00001'], 10, 0)));
        self::assertSame(['2026-00002'], self::numbers($store->listReceipts(['year' => 2026, 'email' => 'dominique@example.fr'], 10, 0)));
        self::assertSame(['2026-00002', '2027-00001'], self::numbers($store->listReceipts([], 2, 1)));
        self::assertSame([], $store->listReceipts(['orderId' => 'o9'], 10, 0));
    }

    public function testCountsFollowTheSameFilters(): void
    {
        $store = $this->createReceiptStore();
        $store->issueReceipt(self::draft('payment:o1', ['orderIds' => ['o1']]));
        $store->issueReceipt(self::draft('payment:o2', ['orderIds' => ['o2'], 'email' => 'dominique@example.fr']));
        $store->issueReceipt(self::draft('payment:o3', ['orderIds' => ['o3'], 'year' => 2027, 'issuedAt' => '2027-01-05T08:00:00.000Z']));
        self::assertSame(3, $store->countReceipts([]));
        self::assertSame(2, $store->countReceipts(['year' => 2026]));
        self::assertSame(1, $store->countReceipts(['orderId' => 'o2']));
        self::assertSame(2, $store->countReceipts(['email' => 'CAMILLE.martin@example.fr']));
        self::assertSame(0, $store->countReceipts(['replaces' => '2026-00001']));
    }

    // Concurrency

    public function testConcurrentIssuersLeaveNoGapNoDuplicateAndOneChain(): void
    {
        $store = $this->createReceiptStore();
        $bootstrap = $this->receiptStoreInAnotherProcess();
        if ($bootstrap === null) {
            self::markTestSkipped('This receipt store lives in one process: no concurrent issuers to run.');
        }
        $reason = $this->concurrencySkipReason();
        if ($reason !== null) {
            self::markTestSkipped($reason);
        }
        ['processes' => $processCount, 'receiptsEach' => $each] = $this->concurrency();
        // Each process issues its own receipts over two years, and every process also tries the same five
        // shared issue keys (a webhook replayed on several workers): each of those is issued once.
        $script = $bootstrap . "\n" . <<<'PHP'
$p = $argv[1];
$template = json_decode($argv[3], true);
$got = [];
for ($i = 0; $i < (int) $argv[2]; $i++) {
    $key = $i % 5 === 0 ? 'payment:shared_' . ($i / 5) : 'payment:p' . $p . '_' . $i;
    $year = $i % 2 === 0 ? 2026 : 2027;
    $draft = array_replace($template, ['issueKey' => $key, 'orderIds' => [$key], 'year' => $year, 'issuedAt' => $year . '-03-01T09:30:00.000Z']);
    $got[$key] = $store->issueReceipt($draft)['receipt']['number'];
}
echo json_encode($got);
PHP;
        $template = (string) json_encode(self::draft('template'));
        ['outputs' => $outputs, 'errors' => $errors] = ConcurrentPhp::run($script, array_map(static fn (int $p): array => [(string) $p, (string) $each, $template], range(0, $processCount - 1)));
        self::assertSame('', $errors);
        $shared = [];
        foreach ($outputs as $out) {
            foreach ((array) json_decode($out, true) as $key => $number) {
                if (strpos($key, 'payment:shared_') === 0) {
                    $shared[$key][$number] = true;
                }
            }
        }
        foreach ($shared as $key => $numbers) {
            self::assertCount(1, $numbers, $key . ' was issued once, every process got its number');
        }
        $sharedKeys = (int) ceil($each / 5);
        $expected = $processCount * ($each - $sharedKeys) + $sharedKeys;
        $ledger = self::ledger($store);
        self::assertCount($expected, $ledger);
        self::assertSame(range(1, $expected), array_column($ledger, 'position'));
        foreach ([2026, 2027] as $year) {
            $sequences = array_column($store->listReceipts(['year' => $year], 100000, 0), 'sequence');
            sort($sequences);
            self::assertSame(range(1, count($sequences)), $sequences, "the $year series has no gap and no duplicate");
        }
        self::assertSame(count($ledger), count(array_unique(self::numbers($ledger))));
        self::assertTrue(ReceiptChain::verify($ledger)['ok']);
    }
}
