<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain;

/**
 * Seat arithmetic, the PHP twin of domain/reservations.ts: a hold counts against the quota until it expires
 * (exclusive), is released, or becomes a sale. available = quota − sold − active holds, never below zero.
 */
final class Reservations
{
    /** @param array{quantity: int, expiresAt: string|\DateTimeInterface} $hold */
    public static function isHoldActive(array $hold, \DateTimeInterface $now): bool
    {
        return Instant::millis($now) < Instant::millis(Instant::of($hold['expiresAt']));
    }

    /** @param array<array{quantity: int, expiresAt: string|\DateTimeInterface}> $holds */
    public static function activeHeld(array $holds, \DateTimeInterface $now): int
    {
        $sum = 0;
        foreach ($holds as $hold) {
            if (self::isHoldActive($hold, $now)) {
                $sum += (int) $hold['quantity'];
            }
        }
        return $sum;
    }

    /**
     * @param array{quota?: int|null, sold: int, holds: array} $count
     * @return int|null null for an unlimited type
     */
    public static function availableSeats(array $count, \DateTimeInterface $now): ?int
    {
        if (!isset($count['quota'])) {
            return null;
        }
        return max(0, (int) $count['quota'] - (int) $count['sold'] - self::activeHeld($count['holds'], $now));
    }

    public static function holdExpiresAt(\DateTimeImmutable $now, int $holdMinutes): \DateTimeImmutable
    {
        return Instant::plusMinutes($now, $holdMinutes);
    }

    /** @param array{quota?: int|null, sold: int, holds: array} $count */
    public static function canHold(array $count, int $quantity, \DateTimeInterface $now): bool
    {
        $available = self::availableSeats($count, $now);
        return $available === null || $quantity <= $available;
    }
}
