<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Vectors;

use Guichet\Adapter\Domain\Receipts\ReceiptNumbers;
use Guichet\Adapter\Tests\Support\Vectors;
use Guichet\Adapter\Tests\Support\VectorTestCase;

final class ReceiptsNumbersVectorsTest extends VectorTestCase
{
    /** @return array<string, array{0: array<string, mixed>}> */
    public function cases(): array
    {
        return Vectors::cases('receipts-numbers.json');
    }

    /** @dataProvider cases @param array<string, mixed> $case */
    public function testReceiptNumbers(array $case): void
    {
        $this->checkCase($case, static function (array $in) use ($case) {
            switch ($case['fn']) {
                case 'format':
                    return ReceiptNumbers::format($in['year'], $in['sequence'], $in['prefix']);
                case 'parse':
                    return ReceiptNumbers::parse($in['text']);
                case 'audit':
                    return ReceiptNumbers::audit($in['sequences']);
            }
            throw new \LogicException('No PHP runner for ' . $case['fn']);
        });
    }
}
