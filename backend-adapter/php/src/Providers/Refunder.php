<?php

declare(strict_types=1);

namespace Guichet\Adapter\Providers;

interface Refunder
{
    /**
     * Refunds all (null) or part (minor units) of a paid order.
     * @return array{refundId: string, amount: int}
     * @throws ProviderError
     */
    public function refund(string $providerRef, ?int $amount, string $idempotencyKey): array;
}
