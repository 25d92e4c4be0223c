<?php

declare(strict_types=1);

namespace Guichet\Adapter\Ports;

final class SystemClock implements Clock
{
    public function now(): \DateTimeImmutable
    {
        return new \DateTimeImmutable('now', new \DateTimeZone('UTC'));
    }
}
