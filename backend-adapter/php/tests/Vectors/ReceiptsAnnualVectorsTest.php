<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Vectors;

use Guichet\Adapter\Domain\Receipts\AnnualSummaries;
use Guichet\Adapter\Tests\Support\Vectors;
use Guichet\Adapter\Tests\Support\VectorTestCase;

final class ReceiptsAnnualVectorsTest extends VectorTestCase
{
    /** @return array<string, array{0: array<string, mixed>}> */
    public function cases(): array
    {
        return Vectors::cases('receipts-annual.json');
    }

    /** @dataProvider cases @param array<string, mixed> $case */
    public function testAnnualReceipts(array $case): void
    {
        $this->checkCase($case, static function (array $in) use ($case) {
            switch ($case['fn']) {
                case 'annualSummaries':
                    return AnnualSummaries::forYear($in['orders'], $in['year']);
                case 'recurringDebits':
                    return AnnualSummaries::recurringDebits($in['order'], $in['history']);
            }
            throw new \LogicException('No PHP runner for ' . $case['fn']);
        });
    }
}
