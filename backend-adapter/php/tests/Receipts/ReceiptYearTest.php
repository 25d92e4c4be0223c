<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Receipts;

use Guichet\Adapter\Storage\SqliteReceiptStore;
use Guichet\Adapter\Tests\Support\ReceiptTestBed;
use PHPUnit\Framework\TestCase;

/** The treasurer's year: annual receipts for recurring gifts, totals, list, CSV and zip exports, the ledger check. */
final class ReceiptYearTest extends TestCase
{
    private ?string $file = null;

    protected function tearDown(): void
    {
        if ($this->file !== null) {
            foreach (['', '-wal', '-shm'] as $suffix) {
                @unlink($this->file . $suffix);
            }
        }
    }

    /**
     * A monthly gift started on $start, with its renewals as the orders service notes them in the history.
     * @param array<int, array{0: string, 1: string, 2: int}> $debits [action, at, amount]
     * @param array<string, mixed> $changes
     * @return array<string, mixed>
     */
    private static function monthly(string $id, string $start, array $debits, array $changes = []): array
    {
        $history = [];
        foreach ($debits as [$action, $at, $amount]) {
            $history[] = ['source' => 'provider', 'action' => $action, 'detail' => (string) $amount, 'at' => $at];
        }
        return ReceiptTestBed::order($id, $changes + [
            'recurring' => ['interval' => 'month'],
            'total' => 2000,
            'taxEligibleAmount' => 2000,
            'lines' => [['kind' => 'donation', 'ref' => 'donation', 'label' => 'Don mensuel', 'unitAmount' => 2000, 'quantity' => 1, 'amount' => 2000]],
            'subscriptionRef' => 'sub_' . $id,
            'createdAt' => $start,
            'paidAt' => $start,
            'history' => $history,
        ]);
    }

    public function testEachDonorGetsOneAnnualReceiptForThePaidDebitsOfTheYear(): void
    {
        $bed = new ReceiptTestBed(null, null, '2027-01-05T08:00:00Z');
        // Camille: two monthly gifts (one under another case of her e-mail), one debit failed, one in 2027.
        $bed->paid(self::monthly('ord_a', '2026-10-03T10:00:00.000Z', [
            ['renewal_paid', '2026-11-03T10:00:00.000Z', 2000],
            ['renewal_failed', '2026-12-03T10:00:00.000Z', 2000],
            ['renewal_paid', '2027-01-03T10:00:00.000Z', 2000],
        ]));
        $bed->paid(self::monthly('ord_b', '2026-12-20T10:00:00.000Z', [], ['payer' => ['email' => 'Camille.Martin@example.fr']]));
        // Dominique: started in 2025, paid each month of 2026 until November.
        $debits = [];
        for ($month = 1; $month <= 11; $month++) {
            $debits[] = ['renewal_paid', sprintf('2026-%02d-15T10:00:00.000Z', $month), 2000];
        }
        $bed->paid(self::monthly('ord_d', '2025-12-15T10:00:00.000Z', $debits, ['payer' => ['email' => 'dominique@example.fr', 'firstName' => 'Dominique', 'lastName' => 'Bernard']]));
        // Never: a recurring gift without a receipt asked for, and a one-off gift.
        $bed->paid(self::monthly('ord_n', '2026-05-01T10:00:00.000Z', [], ['request' => ['donation' => ['taxReceipt' => false]]]));
        self::assertSame(0, $bed->receipts->countReceipts([]), 'no receipt per debit');

        $issued = $bed->service->issueAnnual(2026);
        self::assertCount(2, $issued);
        $byEmail = [];
        foreach ($issued as $receipt) {
            $byEmail[strtolower($receipt['email'])] = $receipt;
        }
        $camille = $byEmail['camille.martin@example.fr'];
        self::assertSame('annual', $camille['kind']);
        self::assertSame(2027, $camille['year'], 'numbered in the series of the year it is issued');
        self::assertSame(6000, $camille['amount'], 'October, November and December 20: the failed debit and 2027 do not count');
        self::assertEqualsCanonicalizing(['ord_a', 'ord_b'], $camille['orderIds']);
        self::assertSame(['from' => '2026-10-03', 'to' => '2026-12-20'], $camille['document']['period']);
        self::assertSame(22000, $byEmail['dominique@example.fr']['amount']);
        self::assertCount(2, $bed->mailbox->sent);
        self::assertStringContainsString('annuel', $bed->mailbox->sent[0]['subject']);

        self::assertSame([], $bed->service->issueAnnual(2026), 'run again: nothing more');
        self::assertSame([], $bed->service->issueAnnual(2027), 'not before the year is over');
        self::assertSame($camille['number'], $bed->service->receiptForOrder('ord_b')['number']);
    }

    /** @return ReceiptTestBed with 2026-00001 valid, 2026-00002 cancelled by 2026-00003, 2026-00004 corrected by 2026-00005 */
    private static function yearOfReceipts(?SqliteReceiptStore $store = null): ReceiptTestBed
    {
        $bed = new ReceiptTestBed(null, $store);
        $bed->paid(ReceiptTestBed::order('ord_1'));
        $bed->paid(ReceiptTestBed::order('ord_2', ['total' => 2500, 'taxEligibleAmount' => 2500, 'payer' => ['email' => 'dominique@example.fr', 'firstName' => '=HYPERLINK("http://evil")', 'lastName' => 'Bernard']]));
        $bed->refund('ord_2', 2500);
        $bed->paid(ReceiptTestBed::order('ord_3', ['total' => 10000, 'taxEligibleAmount' => 10000]));
        $bed->refund('ord_3', 4000);
        return $bed;
    }

    public function testTheYearsTotalsCountReceiptsStillValid(): void
    {
        $totals = self::yearOfReceipts()->service->totals(2026);
        self::assertSame(2026, $totals['year']);
        self::assertSame(2, $totals['count'], '00001 and the correction 00005');
        self::assertSame(5000 + 6000, $totals['amount']);
        self::assertSame('EUR', $totals['currency']);
        self::assertSame(1, $totals['cancelled']);
        self::assertSame(1, $totals['corrected']);
    }

    public function testAReceiptCancelledNextYearNoLongerCountsInItsYear(): void
    {
        $bed = self::yearOfReceipts();
        $bed->clock->set('2027-01-10T09:00:00Z');
        $cancellation = $bed->service->cancel('2026-00001');
        self::assertSame('2027-00001', $cancellation['number'], 'the cancellation takes a number of its own year');

        $totals = $bed->service->totals(2026);
        self::assertSame(1, $totals['count'], 'only the correction 2026-00005 still stands');
        self::assertSame(6000, $totals['amount']);
        self::assertSame(2, $totals['cancelled']);
        self::assertSame(0, $bed->service->totals(2027)['count'], 'a cancellation certifies nothing');
    }

    public function testTheListSaysWhichReceiptReplacedWhich(): void
    {
        $bed = self::yearOfReceipts();
        $page = $bed->service->list(2026, 3, 1);
        self::assertSame(5, $page['total']);
        self::assertSame(['2026-00002', '2026-00003', '2026-00004'], array_column($page['receipts'], 'number'));
        self::assertSame(['2026-00003', null, '2026-00005'], array_column($page['receipts'], 'replacedBy'));
        self::assertSame(['total' => 0, 'receipts' => []], $bed->service->list(2025, 10, 0));
    }

    public function testTheCsvHasTheSameColumnsInFrenchAndEnglishAndNoSecret(): void
    {
        $bed = self::yearOfReceipts();
        $fr = $bed->service->exportCsv(2026, 'fr');
        $en = $bed->service->exportCsv(2026, 'en');
        self::assertStringStartsWith("\xEF\xBB\xBF", $fr);
        $frRows = array_map(static function (string $line): array {
            return str_getcsv($line, ';');
        }, explode("\r\n", trim(substr($fr, 3))));
        $enRows = array_map('str_getcsv', explode("\r\n", trim(substr($en, 3))));
        self::assertCount(6, $frRows, 'a header and five receipts');
        self::assertSame(count($frRows[0]), count($enRows[0]));
        self::assertSame(['Numéro', 'Émis le', 'Type', 'Remplace', 'Donateur', 'E-mail', 'Adresse', 'Montant', 'Date ou période du don', 'Commandes', 'Empreinte (SHA-256)'], $frRows[0]);
        self::assertSame(['Number', 'Issued on', 'Kind', 'Replaces', 'Donor', 'Email', 'Address', 'Amount', 'Gift date or period', 'Orders', 'Hash (SHA-256)'], $enRows[0]);

        $column = array_flip($frRows[0]);
        $ledger = $bed->receipts->listReceipts([], 10, 0);
        self::assertSame(['2026-00001', '2026-00002', '2026-00003', '2026-00004', '2026-00005'], array_column(array_slice($frRows, 1), $column['Numéro']));
        self::assertSame(['50,00', '25,00', '25,00', '100,00', '60,00'], array_column(array_slice($frRows, 1), $column['Montant']));
        self::assertSame('50.00', $enRows[1][array_flip($enRows[0])['Amount']]);
        self::assertSame(['don', 'don', 'annulation', 'don', 'rectificatif'], array_column(array_slice($frRows, 1), $column['Type']));
        self::assertSame('cancellation', $enRows[3][array_flip($enRows[0])['Kind']]);
        self::assertSame('2026-00002', $frRows[3][$column['Remplace']]);
        self::assertSame('2026-03-01', $frRows[1][$column['Émis le']]);
        self::assertSame('2026-03-01', $frRows[1][$column['Date ou période du don']]);
        self::assertSame('8 allée des Tilleuls, 93100 Montreuil, FR', $frRows[1][$column['Adresse']]);
        self::assertSame('ord_3', $frRows[5][$column['Commandes']]);
        self::assertSame(array_column($ledger, 'hash'), array_column(array_slice($frRows, 1), $column['Empreinte (SHA-256)']));
        self::assertSame("'=HYPERLINK(\"http://evil\") Bernard", $frRows[2][$column['Donateur']], 'a formula is shown as text');

        $token = parse_url((string) $bed->mailbox->lastLink(), PHP_URL_QUERY);
        self::assertStringNotContainsString((string) $token, $fr . $en);
        self::assertStringNotContainsString(ReceiptTestBed::SECRET, $fr . $en);
        self::assertStringNotContainsString('rcp_', $fr . $en);
    }

    public function testTheZipHoldsEveryPdfOfTheYearAndTheCsv(): void
    {
        $bed = self::yearOfReceipts();
        $zip = $bed->service->exportZip(2026);
        self::assertStringStartsWith("PK\x03\x04", $zip);
        foreach (['2026-00001', '2026-00002', '2026-00003', '2026-00004', '2026-00005'] as $number) {
            $pdf = $bed->service->pdf($number);
            self::assertStringContainsString($pdf['fileName'], $zip);
            // Stored, not compressed: each file's bytes are in the archive as they are.
            self::assertStringContainsString($pdf['bytes'], $zip);
        }
        self::assertStringContainsString('recus-fiscaux-2026.csv', $zip);
        self::assertStringContainsString($bed->service->exportCsv(2026, 'fr'), $zip);
        self::assertStringNotContainsString('2025-', $bed->service->exportZip(2025));
    }

    public function testTheLedgerVerifiesAndATamperedReceiptIsNamed(): void
    {
        $this->file = tempnam(sys_get_temp_dir(), 'guichet-receipts-') . '.sqlite';
        @unlink($this->file);
        $store = SqliteReceiptStore::open($this->file);
        $bed = self::yearOfReceipts($store);
        $verified = $bed->service->verify();
        self::assertTrue($verified['ok']);
        self::assertSame(5, $verified['count']);
        self::assertSame([], $verified['series']);

        // Someone with database access lowers an amount: they must first drop the append-only guard.
        $pdo = $store->pdo();
        $pdo->exec('DROP TRIGGER guichet_receipts_no_update');
        $pdo->exec("UPDATE guichet_receipts SET data = json_set(data, '$.amount', 500) WHERE number = '2026-00004'");
        $verified = $bed->service->verify();
        self::assertFalse($verified['ok']);
        self::assertSame(4, $verified['position']);
        self::assertSame('hash', $verified['reason']);
    }

    public function testADeletedReceiptBreaksTheChainAndLeavesAHoleInTheSeries(): void
    {
        $this->file = tempnam(sys_get_temp_dir(), 'guichet-receipts-') . '.sqlite';
        @unlink($this->file);
        $store = SqliteReceiptStore::open($this->file);
        $bed = self::yearOfReceipts($store);
        $pdo = $store->pdo();
        $pdo->exec('DROP TRIGGER guichet_receipts_no_delete');
        $pdo->exec("DELETE FROM guichet_receipts WHERE number = '2026-00002'");
        $verified = $bed->service->verify();
        self::assertFalse($verified['ok']);
        self::assertSame(2, $verified['position']);
        self::assertSame([2], $verified['series'][2026]['missing']);
    }
}
