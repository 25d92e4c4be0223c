<?php

declare(strict_types=1);

namespace Guichet\Adapter\Providers;

/** Site settings a provider cannot work with (missing key, wrong key kind); raised when providers are created. */
final class ProviderConfigError extends \RuntimeException
{
    private string $setting;

    public function __construct(string $setting, string $message)
    {
        parent::__construct($message);
        $this->setting = $setting;
    }

    public function setting(): string
    {
        return $this->setting;
    }
}
