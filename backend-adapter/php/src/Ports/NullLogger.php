<?php

declare(strict_types=1);

namespace Guichet\Adapter\Ports;

final class NullLogger implements Logger
{
    public function log(string $level, string $message, array $context = []): void
    {
    }
}
