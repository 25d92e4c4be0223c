<?php

declare(strict_types=1);

namespace Guichet\Adapter\Providers;

/**
 * A provider call that failed. code() is a protocol error code the host answers with as is ('provider_error',
 * 'provider_not_available', 'payment_declined', 'idempotency_conflict', 'bad_request'); providerCode() is the
 * provider's own (Stripe's card_declined…), for logs. Messages never carry a secret.
 */
final class ProviderError extends \RuntimeException
{
    private string $protocolCode;
    private ?string $providerCode;
    private bool $retryable;
    private ?string $requestId;

    public function __construct(
        string $protocolCode,
        string $message,
        ?string $providerCode = null,
        bool $retryable = false,
        ?string $requestId = null
    ) {
        parent::__construct($message);
        $this->protocolCode = $protocolCode;
        $this->providerCode = $providerCode;
        $this->retryable = $retryable;
        $this->requestId = $requestId;
    }

    public function protocolCode(): string
    {
        return $this->protocolCode;
    }

    public function providerCode(): ?string
    {
        return $this->providerCode;
    }

    public function retryable(): bool
    {
        return $this->retryable;
    }

    public function requestId(): ?string
    {
        return $this->requestId;
    }
}
