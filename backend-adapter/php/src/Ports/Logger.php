<?php

declare(strict_types=1);

namespace Guichet\Adapter\Ports;

/**
 * Where the adapter reports what happened (spip_log, error_log, a PSR-3 bridge…). The adapter never passes a
 * secret key, a webhook secret, a card number or an order token here; RedactingLogger guards hosts that log
 * context arrays verbatim.
 */
interface Logger
{
    /**
     * @param string $level 'debug' | 'info' | 'warning' | 'error'
     * @param array<string, scalar|null> $context
     */
    public function log(string $level, string $message, array $context = []): void;
}
