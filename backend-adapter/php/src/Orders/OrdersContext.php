<?php

declare(strict_types=1);

namespace Guichet\Adapter\Orders;

use Guichet\Adapter\Ports\Clock;
use Guichet\Adapter\Ports\FormRepository;
use Guichet\Adapter\Ports\Logger;
use Guichet\Adapter\Ports\Settings;
use Guichet\Adapter\Ports\Storage;
use Guichet\Adapter\Protocol\ErrorCatalogue;
use Guichet\Adapter\Providers\PaymentProvider;

/**
 * What every orders operation needs from the host (orders/site.ts): its ports and the payment providers it
 * set up. Built once per request by the host's wiring (see README.md).
 */
final class OrdersContext
{
    public Storage $storage;
    public FormRepository $forms;
    public Settings $settings;
    public Clock $clock;
    public Logger $log;
    public ErrorCatalogue $catalogue;
    /** @var array<string, PaymentProvider> provider id => provider */
    public array $providers;
    /** @var callable[] fn(string $event, array $order): void, told after an order changed ('paid', 'refunded'…) */
    public array $listeners = [];

    /** @param PaymentProvider[] $providers */
    public function __construct(
        Storage $storage,
        FormRepository $forms,
        Settings $settings,
        Clock $clock,
        Logger $log,
        array $providers,
        ?ErrorCatalogue $catalogue = null
    ) {
        $this->storage = $storage;
        $this->forms = $forms;
        $this->settings = $settings;
        $this->clock = $clock;
        $this->log = $log;
        $this->catalogue = $catalogue ?? ErrorCatalogue::shared();
        $this->providers = [];
        foreach ($providers as $provider) {
            $this->providers[$provider->id()] = $provider;
        }
    }

    public function provider(string $id): ?PaymentProvider
    {
        return $this->providers[$id] ?? null;
    }

    /** Registers a listener for order changes (emails, CMS hooks). */
    public function onChange(callable $listener): void
    {
        $this->listeners[] = $listener;
    }

    /** @param array<string, mixed> $order */
    public function notify(string $event, array $order): void
    {
        foreach ($this->listeners as $listener) {
            try {
                $listener($event, $order);
            } catch (\Throwable $e) {
                // A failing e-mail must never undo a payment that was recorded.
                $this->log->log('error', 'order listener failed', ['orderId' => $order['id'], 'event' => $event, 'reason' => $e->getMessage()]);
            }
        }
    }
}
