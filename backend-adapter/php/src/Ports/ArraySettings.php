<?php

declare(strict_types=1);

namespace Guichet\Adapter\Ports;

/** Settings from a plain array: for tests, and for hosts that keep their configuration in one option. */
final class ArraySettings implements Settings
{
    /** @var array<string, mixed> */
    private array $values;

    /**
     * @param array<string, mixed> $values keys: organizationName, apiBaseUrl, defaultLocale,
     *                                     providers (providerId => settings array)
     */
    public function __construct(array $values)
    {
        $this->values = $values;
    }

    public function organizationName(): string
    {
        return (string) ($this->values['organizationName'] ?? '');
    }

    public function apiBaseUrl(): string
    {
        return rtrim((string) ($this->values['apiBaseUrl'] ?? ''), '/');
    }

    public function defaultLocale(): string
    {
        return ($this->values['defaultLocale'] ?? 'fr') === 'en' ? 'en' : 'fr';
    }

    public function provider(string $providerId): ?array
    {
        $providers = $this->values['providers'] ?? [];
        return isset($providers[$providerId]) && is_array($providers[$providerId]) ? $providers[$providerId] : null;
    }
}
