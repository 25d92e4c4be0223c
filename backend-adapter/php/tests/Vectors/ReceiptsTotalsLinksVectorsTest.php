<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Vectors;

use Guichet\Adapter\Domain\Receipts\ReceiptLinks;
use Guichet\Adapter\Domain\Receipts\ReceiptTotals;
use Guichet\Adapter\Tests\Support\Vectors;
use Guichet\Adapter\Tests\Support\VectorTestCase;

final class ReceiptsTotalsLinksVectorsTest extends VectorTestCase
{
    /** @return array<string, array{0: array<string, mixed>}> */
    public function totalsCases(): array
    {
        return Vectors::cases('receipts-totals.json');
    }

    /** @return array<string, array{0: array<string, mixed>}> */
    public function linksCases(): array
    {
        return Vectors::cases('receipts-links.json');
    }

    /** @dataProvider totalsCases @param array<string, mixed> $case */
    public function testReceiptTotals(array $case): void
    {
        $this->checkCase($case, static function (array $in): array {
            return ReceiptTotals::forYear($in['records'], $in['year']);
        });
    }

    /** @dataProvider linksCases @param array<string, mixed> $case */
    public function testReceiptLinks(array $case): void
    {
        $this->checkCase($case, static function (array $in) use ($case) {
            return $case['fn'] === 'receiptLinkToken'
                ? ReceiptLinks::token($in['secret'], $in['receiptId'])
                : ReceiptLinks::verify($in['secret'], $in['receiptId'], $in['token']);
        });
    }
}
