<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain\Receipts;

use Guichet\Adapter\Domain\Instant;

/** Receipts live in the French calendar (receipts/receipt-dates.ts): year and dates read in Europe/Paris. */
final class ReceiptDates
{
    /** The receipt series an instant belongs to. @param \DateTimeInterface|string $at */
    public static function year($at): int
    {
        return (int) substr(self::day($at), 0, 4);
    }

    /** `YYYY-MM-DD` of the instant in Europe/Paris. @param \DateTimeInterface|string $at RFC 3339 text too */
    public static function day($at): string
    {
        return Instant::of($at)->setTimezone(new \DateTimeZone('Europe/Paris'))->format('Y-m-d');
    }
}
