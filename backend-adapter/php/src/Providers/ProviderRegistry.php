<?php

declare(strict_types=1);

namespace Guichet\Adapter\Providers;

use Guichet\Adapter\Ports\Clock;
use Guichet\Adapter\Ports\HttpClient;
use Guichet\Adapter\Ports\Settings;
use Guichet\Adapter\Providers\Offline\OfflineProvider;
use Guichet\Adapter\Providers\Simulation\SimulationProvider;
use Guichet\Adapter\Providers\Stripe\StripeProvider;

/**
 * The one place providers are created (providers/registry.ts): each from its settings, or left out when the
 * site has not configured it. A host adds its own provider by passing it to OrdersContext beside these.
 */
final class ProviderRegistry
{
    /**
     * @return PaymentProvider[]
     * @throws ProviderConfigError when a provider is configured wrongly
     */
    public static function fromSettings(Settings $settings, HttpClient $http, Clock $clock): array
    {
        $providers = [];
        $stripe = $settings->provider('stripe');
        if ($stripe !== null) {
            $providers[] = new StripeProvider($stripe, $http);
        }
        $simulation = $settings->provider('simulation');
        if ($simulation !== null && ($simulation['enabled'] ?? false) === true) {
            $base = $settings->apiBaseUrl();
            $providers[] = new SimulationProvider($simulation, static function (string $orderId) use ($base): string {
                return $base . '/simulation/' . rawurlencode($orderId) . '/confirm';
            }, $clock);
        }
        $offline = $settings->provider('offline');
        if ($offline !== null) {
            $provider = new OfflineProvider($offline);
            if ($provider->methods() !== []) {
                $providers[] = $provider;
            }
        }
        return $providers;
    }
}
