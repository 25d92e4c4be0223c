<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Vectors;

use Guichet\Adapter\Domain\PaymentState;
use Guichet\Adapter\Tests\Support\Vectors;
use Guichet\Adapter\Tests\Support\VectorTestCase;

final class StateTransitionsVectorsTest extends VectorTestCase
{
    /** @return array<string, array{0: array<string, mixed>}> */
    public function cases(): array
    {
        return Vectors::cases('state-transitions.json');
    }

    /** @dataProvider cases @param array<string, mixed> $case */
    public function testTransition(array $case): void
    {
        $this->checkCase($case, static function (array $in): array {
            return PaymentState::transition($in['from'], $in['event']);
        });
    }
}
