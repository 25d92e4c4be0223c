<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Vectors;

use Guichet\Adapter\Domain\Receipts\AmountInWords;
use Guichet\Adapter\Domain\Receipts\ReceiptDates;
use Guichet\Adapter\Tests\Support\Vectors;
use Guichet\Adapter\Tests\Support\VectorTestCase;

final class ReceiptsWordsDatesVectorsTest extends VectorTestCase
{
    /** @return array<string, array{0: array<string, mixed>}> */
    public function wordsCases(): array
    {
        return Vectors::cases('receipts-amount-in-words.json');
    }

    /** @return array<string, array{0: array<string, mixed>}> */
    public function datesCases(): array
    {
        return Vectors::cases('receipts-dates.json');
    }

    /** @dataProvider wordsCases @param array<string, mixed> $case */
    public function testAmountInWords(array $case): void
    {
        $this->checkCase($case, static function (array $in): string {
            if (!is_int($in['amount'])) {
                throw new \InvalidArgumentException('Not an amount in cents');
            }
            return AmountInWords::french($in['amount'], $in['currency']);
        });
    }

    /** @dataProvider datesCases @param array<string, mixed> $case */
    public function testReceiptDates(array $case): void
    {
        $this->checkCase($case, static function (array $in): array {
            $at = new \DateTimeImmutable($in['at']);
            return ['year' => ReceiptDates::year($at), 'day' => ReceiptDates::day($in['at'])];
        });
    }
}
