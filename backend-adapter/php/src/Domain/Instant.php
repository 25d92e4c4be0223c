<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain;

/** Instants as the protocol writes them: RFC 3339 in UTC with milliseconds, like JavaScript's toISOString(). */
final class Instant
{
    /** @param string|\DateTimeInterface $value */
    public static function of($value): \DateTimeImmutable
    {
        if ($value instanceof \DateTimeImmutable) {
            return $value;
        }
        if ($value instanceof \DateTime) {
            return \DateTimeImmutable::createFromMutable($value);
        }
        return new \DateTimeImmutable((string) $value, new \DateTimeZone('UTC'));
    }

    /** Accepts only an RFC 3339 date-time with an offset (the protocol's DateTime); null otherwise. */
    public static function parseRfc3339(string $text): ?\DateTimeImmutable
    {
        if (!preg_match('/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/', $text)) {
            return null;
        }
        try {
            return new \DateTimeImmutable($text);
        } catch (\Exception $e) {
            return null;
        }
    }

    public static function format(\DateTimeInterface $instant): string
    {
        $utc = \DateTimeImmutable::createFromFormat('U.u', $instant->format('U.u'), new \DateTimeZone('UTC'));
        return ($utc ?: new \DateTimeImmutable('@0'))->format('Y-m-d\TH:i:s.v\Z');
    }

    /** Milliseconds since the epoch, the unit JavaScript compares instants in. */
    public static function millis(\DateTimeInterface $instant): int
    {
        return (int) $instant->format('U') * 1000 + intdiv((int) $instant->format('u'), 1000);
    }

    public static function plusMinutes(\DateTimeImmutable $instant, int $minutes): \DateTimeImmutable
    {
        return $instant->modify('+' . $minutes . ' minutes');
    }
}
