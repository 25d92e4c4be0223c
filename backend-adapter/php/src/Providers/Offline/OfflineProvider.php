<?php

declare(strict_types=1);

namespace Guichet\Adapter\Providers\Offline;

use Guichet\Adapter\Providers\PaymentProvider;
use Guichet\Adapter\Providers\PaymentRequest;
use Guichet\Adapter\Providers\ProviderCommand;
use Guichet\Adapter\Providers\ProviderError;

/**
 * Cheque, bank transfer, cash at the desk: the order stays pending with instructions until a treasurer marks
 * it paid in the back-office. No webhook, no refund through here, no reconciliation.
 */
final class OfflineProvider implements PaymentProvider
{
    private const METHODS = ['cheque', 'transfer', 'cash'];

    /** @var array<string, mixed> */
    private array $settings;

    /** @param array<string, mixed> $settings OfflineSettings: cheque?, transfer?, cash? */
    public function __construct(array $settings)
    {
        $this->settings = $settings;
    }

    /** @return string[] the methods set up on this site */
    public function methods(): array
    {
        return array_values(array_filter(self::METHODS, function (string $method): bool {
            return isset($this->settings[$method]);
        }));
    }

    public function id(): string
    {
        return 'offline';
    }

    public function publicMethods(): array
    {
        return array_map(static function (string $method): array {
            return ['provider' => 'offline', 'method' => $method];
        }, $this->methods());
    }

    public function startPayment(PaymentRequest $request, \DateTimeImmutable $now): ProviderCommand
    {
        $method = $request->offlineMethod;
        if ($method === null || !in_array($method, $this->methods(), true)) {
            throw new ProviderError('provider_not_available', 'Offline method ' . ($method ?? '(none)') . ' is not offered here.');
        }
        // A cheque cannot renew itself: recurring orders need a provider that can charge again.
        if ($request->recurring !== null) {
            throw new ProviderError('provider_not_available', 'Recurring orders cannot be paid offline.');
        }
        $instructions = Instructions::forMethod($method, $this->settings, [
            'total' => $request->total,
            'currency' => $request->currency,
            'reference' => $request->reference,
            'locale' => $request->locale,
        ]);
        if ($instructions === null) {
            throw new ProviderError('provider_not_available', 'Offline method ' . $method . ' is not set up.');
        }
        return ProviderCommand::pending(
            'offline_' . $method . '_' . $request->orderId,
            $instructions,
            ['type' => 'offline', 'method' => $method, 'instructions' => $instructions]
        );
    }
}
