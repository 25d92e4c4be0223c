<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain\Validation;

use Guichet\Adapter\Protocol\FieldError;

/** The payer may only pick a provider (and offline method) the editor switched on (validation/payment.ts). */
final class PaymentChoice
{
    /**
     * @param array<string, mixed> $form
     * @param array<string, mixed> $payment
     * @return FieldError[]
     */
    public static function validate(array $form, array $payment): array
    {
        $provider = $payment['provider'] ?? null;
        if (!in_array($provider, $form['payment']['providers'] ?? [], true)) {
            return [new FieldError('provider_not_available', 'payment.provider')];
        }
        if ($provider !== 'offline') {
            return [];
        }
        if (!isset($payment['offlineMethod'])) {
            return [new FieldError('required', 'payment.offlineMethod')];
        }
        if (!in_array($payment['offlineMethod'], $form['payment']['offlineMethods'] ?? [], true)) {
            return [new FieldError('provider_not_available', 'payment.offlineMethod')];
        }
        return [];
    }
}
