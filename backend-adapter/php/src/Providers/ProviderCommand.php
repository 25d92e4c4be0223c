<?php

declare(strict_types=1);

namespace Guichet\Adapter\Providers;

/**
 * A provider's answer to a payment request; the orders service turns it into the protocol's NextAction.
 * 'next': the widget must act (confirm, redirect, offline instructions); 'completed': paid already;
 * 'pending': nothing to do in the browser, the payment settles later.
 */
final class ProviderCommand
{
    public string $type;
    /** @var array<string, mixed>|null the NextAction: always for 'next'; for 'pending', what the widget shows meanwhile */
    public ?array $next;
    public ?string $providerRef;
    public ?\DateTimeImmutable $expiresAt;
    /** @var array<string, string>|null OfflineInstructions for type 'pending' */
    public ?array $instructions;

    /**
     * @param array<string, mixed>|null $next
     * @param array<string, string>|null $instructions
     */
    private function __construct(
        string $type,
        ?array $next,
        ?string $providerRef,
        ?\DateTimeImmutable $expiresAt,
        ?array $instructions
    ) {
        $this->type = $type;
        $this->next = $next;
        $this->providerRef = $providerRef;
        $this->expiresAt = $expiresAt;
        $this->instructions = $instructions;
    }

    /** @param array<string, mixed> $next */
    public static function next(array $next, string $providerRef, ?\DateTimeImmutable $expiresAt = null): self
    {
        return new self('next', $next, $providerRef, $expiresAt, null);
    }

    public static function completed(?string $providerRef = null): self
    {
        return new self('completed', null, $providerRef, null, null);
    }

    /**
     * @param array<string, string>|null $instructions
     * @param array<string, mixed>|null $next e.g. the offline NextAction carrying the instructions
     */
    public static function pending(?string $providerRef = null, ?array $instructions = null, ?array $next = null): self
    {
        return new self('pending', $next, $providerRef, null, $instructions);
    }
}
