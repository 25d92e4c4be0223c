<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Vectors;

use Guichet\Adapter\Domain\Pricing\FeeCoverage;
use Guichet\Adapter\Tests\Support\Vectors;
use Guichet\Adapter\Tests\Support\VectorTestCase;

final class FeeCoverageVectorsTest extends VectorTestCase
{
    /** @return array<string, array{0: array<string, mixed>}> */
    public function cases(): array
    {
        return Vectors::cases('fee-coverage.json');
    }

    /** @dataProvider cases @param array<string, mixed> $case */
    public function testFeeCoverage(array $case): void
    {
        $this->checkCase($case, static function (array $in) use ($case) {
            switch ($case['fn']) {
                case 'feeCoverage':
                    return FeeCoverage::extra($in['net'], $in['rule']);
                case 'processorFee':
                    return FeeCoverage::processorFee($in['amount'], $in['rule']);
            }
            throw new \LogicException('No PHP runner for fee function ' . $case['fn']);
        });
    }
}
