<?php

declare(strict_types=1);

namespace Guichet\Adapter\Providers;

/**
 * The payment-provider extension point, mirroring PaymentProvider in backend-adapter/src/providers/types.ts.
 * A provider never writes storage: it answers with a command, and the orders service applies it. Extra
 * capabilities (webhooks, refunds, reconciliation) are the separate optional interfaces in this folder.
 */
interface PaymentProvider
{
    /** 'stripe' | 'simulation' | 'offline' | a host's own provider id. */
    public function id(): string;

    /**
     * What the widget needs to show this way to pay (never a secret): PublicPaymentMethod objects.
     * @return array<int, array<string, string>>
     */
    public function publicMethods(): array;

    /** @throws ProviderError when the provider refused or could not be reached: nothing was charged. */
    public function startPayment(PaymentRequest $request, \DateTimeImmutable $now): ProviderCommand;
}
