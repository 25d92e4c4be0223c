<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Vectors;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Domain\Reservations;
use Guichet\Adapter\Tests\Support\Vectors;
use Guichet\Adapter\Tests\Support\VectorTestCase;

final class ReservationsVectorsTest extends VectorTestCase
{
    /** @return array<string, array{0: array<string, mixed>}> */
    public function cases(): array
    {
        return Vectors::cases('reservations.json');
    }

    /** @dataProvider cases @param array<string, mixed> $case */
    public function testReservations(array $case): void
    {
        $this->checkCase($case, static function (array $in) use ($case) {
            $now = Instant::of($in['now']);
            switch ($case['fn']) {
                case 'availableSeats':
                    return Reservations::availableSeats(['quota' => $in['quota'] ?? null, 'sold' => $in['sold'], 'holds' => $in['holds']], $now);
                case 'holdExpiresAt':
                    return Instant::format(Reservations::holdExpiresAt($now, $in['holdMinutes']));
            }
            throw new \LogicException('No PHP runner for reservations function ' . $case['fn']);
        });
    }
}
