<?php

declare(strict_types=1);

namespace Guichet\Adapter\Receipts;

use Guichet\Adapter\Domain\Receipts\ReceiptChain;
use Guichet\Adapter\Domain\Receipts\ReceiptNumbers;
use Guichet\Adapter\Domain\Receipts\ReceiptTotals;
use Guichet\Adapter\Ports\Clock;
use Guichet\Adapter\Ports\ReceiptStore;
use Guichet\Adapter\Receipts\Pdf\ReceiptPdf;
use Guichet\Adapter\Receipts\Zip\ZipWriter;

/**
 * The treasurer's side of the receipts, which only reads the ledger: a year's list and art. 222 bis figures,
 * its CSV and zip exports, a receipt's PDF, and the check of the hash chain and of each year's series.
 */
final class ReceiptLedger
{
    private const PAGE = 200;

    private ReceiptStore $receipts;
    private Clock $clock;

    public function __construct(ReceiptStore $receipts, Clock $clock)
    {
        $this->receipts = $receipts;
        $this->clock = $clock;
    }

    /**
     * The PDF for the back-office (the host checks the treasurer's rights first).
     * @return array{fileName: string, bytes: string}|null
     */
    public function pdf(string $number): ?array
    {
        $receipt = $this->receipts->findReceiptByNumber($number);
        return $receipt === null ? null : self::file($receipt);
    }

    /**
     * The art. 222 bis figures of receipts issued in $year: {year, count, amount, currency, cancelled, corrected}.
     * @return array<string, mixed>
     */
    public function totals(int $year): array
    {
        // A receipt of $year may be cancelled or corrected by a receipt of a later year's series: the whole
        // ledger is read so that such a receipt no longer counts.
        return ReceiptTotals::forYear($this->all([]), $year);
    }

    /**
     * A page of the year's receipts in ledger order, each with `replacedBy` (the number of the receipt that
     * corrected or cancelled it, or null), and how many there are in all.
     * @return array{total: int, receipts: array<int, array<string, mixed>>}
     */
    public function list(int $year, int $limit, int $offset): array
    {
        $page = $this->receipts->listReceipts(['year' => $year], $limit, $offset);
        $rows = [];
        foreach ($page as $receipt) {
            $next = $this->receipts->listReceipts(['replaces' => (string) $receipt['number']], 1, 0);
            $rows[] = $receipt + ['replacedBy' => $next === [] ? null : $next[0]['number']];
        }
        return ['total' => $this->receipts->countReceipts(['year' => $year]), 'receipts' => $rows];
    }

    /** The year's receipts as CSV (ReceiptCsv: the Node host's columns, in French or English). */
    public function exportCsv(int $year, string $locale): string
    {
        return ReceiptCsv::write($this->all(['year' => $year]), $locale);
    }

    /** A zip of the year's receipts: each PDF, and the CSV list (French). */
    public function exportZip(int $year): string
    {
        $files = [];
        foreach ($this->all(['year' => $year]) as $receipt) {
            $file = self::file($receipt);
            $files[] = ['name' => $file['fileName'], 'data' => $file['bytes'], 'modifiedAt' => (string) $receipt['issuedAt']];
        }
        $files[] = ['name' => sprintf('recus-fiscaux-%d.csv', $year), 'data' => $this->exportCsv($year, 'fr'), 'modifiedAt' => $this->clock->now()];
        return ZipWriter::stored($files);
    }

    /**
     * Checks the ledger: every hash in position order (ReceiptChain::verify) and each year's series without
     * gap or duplicate. {ok, count, position?, reason?, series: {year: {missing, duplicates}}} (series lists
     * only the years with a problem).
     * @return array<string, mixed>
     */
    public function verify(): array
    {
        $ledger = $this->all([]);
        $result = ReceiptChain::verify($ledger);
        $sequences = [];
        foreach ($ledger as $receipt) {
            $sequences[(int) $receipt['year']][] = (int) $receipt['sequence'];
        }
        $series = [];
        foreach ($sequences as $year => $list) {
            $audit = ReceiptNumbers::audit($list);
            if ($audit['missing'] !== [] || $audit['duplicates'] !== []) {
                $series[$year] = $audit;
            }
        }
        $result['ok'] = $result['ok'] && $series === [];
        return $result + ['count' => count($ledger), 'series' => $series];
    }

    /**
     * @param array<string, mixed> $filter
     * @return array<int, array<string, mixed>> in ledger order
     */
    private function all(array $filter): array
    {
        $all = [];
        for ($offset = 0; ; $offset += self::PAGE) {
            $page = $this->receipts->listReceipts($filter, self::PAGE, $offset);
            array_push($all, ...$page);
            if (count($page) < self::PAGE) {
                return $all;
            }
        }
    }

    /**
     * A receipt's PDF, rendered again from what it froze (the same bytes every time).
     * @param array<string, mixed> $receipt
     * @return array{fileName: string, bytes: string}
     */
    public static function file(array $receipt): array
    {
        return ['fileName' => ReceiptPdf::fileName((string) $receipt['number']), 'bytes' => ReceiptPdf::render($receipt)];
    }
}
