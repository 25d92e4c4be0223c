<?php

declare(strict_types=1);

namespace Guichet\Adapter\Ports;

/** The only source of "now": the domain never reads the system clock, so tests and replays are exact. */
interface Clock
{
    public function now(): \DateTimeImmutable;
}
