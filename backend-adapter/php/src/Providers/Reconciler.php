<?php

declare(strict_types=1);

namespace Guichet\Adapter\Providers;

/** Re-reads a pending payment at the provider, so a missed webhook never leaves an order wrong. */
interface Reconciler
{
    /**
     * @return ProviderEvent[]
     * @throws ProviderError
     */
    public function reconcile(string $providerRef, \DateTimeImmutable $now): array;
}
