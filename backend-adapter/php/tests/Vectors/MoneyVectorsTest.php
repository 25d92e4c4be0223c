<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Vectors;

use Guichet\Adapter\Domain\Money;
use Guichet\Adapter\Tests\Support\Vectors;
use Guichet\Adapter\Tests\Support\VectorTestCase;

final class MoneyVectorsTest extends VectorTestCase
{
    /** @return array<string, array{0: array<string, mixed>}> */
    public function cases(): array
    {
        return Vectors::cases('money.json');
    }

    /** @dataProvider cases @param array<string, mixed> $case */
    public function testMoney(array $case): void
    {
        $this->checkCase($case, static function (array $in) use ($case) {
            switch ($case['fn']) {
                case 'currencyExponent':
                    return Money::currencyExponent($in['currency']);
                case 'formatMoney':
                    return Money::format($in['amount'], $in['currency'], $in['locale'], ($in['compact'] ?? false) === true);
                case 'parseMoney':
                    return Money::parse($in['text'], $in['currency'], $in['locale']);
                case 'isMinorAmount':
                    return Money::isMinorAmount($in['value']);
            }
            throw new \LogicException('No PHP runner for money function ' . $case['fn']);
        });
    }
}
