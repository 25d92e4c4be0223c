<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain\Validation;

use Guichet\Adapter\Domain\Js;
use Guichet\Adapter\Protocol\FieldError;

/** A gift's amount, frequency and options (validation/donation.ts). */
final class DonationRules
{
    private const DEDICATION_MAX = 500;

    /**
     * Amounts offered as buttons for this frequency: monthly gifts may have their own presets.
     * @param array<string, mixed> $form
     * @param mixed $frequency
     * @return int[]
     */
    public static function presets(array $form, $frequency): array
    {
        $monthly = $form['donation']['presetsMonthly'] ?? null;
        return $frequency === 'monthly' && is_array($monthly) && $monthly !== [] ? $monthly : ($form['donation']['presets'] ?? []);
    }

    /**
     * A preset is always accepted; any other amount needs allowCustomAmount and must lie within
     * [max(minimum, 1), maximum].
     * @param array<string, mixed> $form
     * @param array<string, mixed> $request
     * @return FieldError[]
     */
    public static function validate(array $form, array $request, string $locale): array
    {
        $errors = [];
        $donation = $request['donation'];
        $settings = $form['donation'];
        $frequency = $donation['frequency'] ?? null;

        if (!in_array($frequency, $settings['frequencies'], true)) {
            $errors[] = new FieldError('frequency_not_allowed', 'donation.frequency');
        } elseif ($frequency !== 'once' && ($request['payment']['provider'] ?? null) === 'offline'
            && in_array('offline', $form['payment']['providers'] ?? [], true)) {
            // A cheque or a transfer cannot be collected again automatically each month.
            $errors[] = new FieldError('provider_not_available', 'payment.provider');
        }

        $amount = $donation['amount'] ?? null;
        if (!Js::isSafeInteger($amount)) {
            $errors[] = new FieldError('amount_not_integer', 'donation.amount');
        } else {
            $amount = Js::toInt($amount);
            $isPreset = $amount > 0 && in_array($amount, self::presets($form, $frequency), true);
            if (!$isPreset) {
                if (empty($settings['allowCustomAmount'])) {
                    $errors[] = new FieldError('custom_amount_not_allowed', 'donation.amount');
                } else {
                    $error = Amounts::error(
                        $amount,
                        max((int) $settings['minimum'], 1),
                        (int) $settings['maximum'],
                        'donation.amount',
                        $form['currency'],
                        $locale
                    );
                    if ($error !== null) {
                        $errors[] = $error;
                    }
                }
            }
        }

        $dedication = $donation['dedication'] ?? null;
        if (is_string($dedication) && Js::trim($dedication) !== '') {
            if (empty($settings['allowDedication'])) {
                $errors[] = new FieldError('invalid_choice', 'donation.dedication');
            } elseif (Js::length($dedication) > self::DEDICATION_MAX) {
                $errors[] = new FieldError('too_long', 'donation.dedication', ['max' => self::DEDICATION_MAX]);
            }
        }
        if (($donation['anonymous'] ?? null) === true && empty($settings['allowAnonymous'])) {
            $errors[] = new FieldError('invalid_choice', 'donation.anonymous');
        }
        if (($donation['taxReceipt'] ?? null) === true && ($form['taxReceipt']['enabled'] ?? null) !== true) {
            $errors[] = new FieldError('tax_receipt_not_available', 'donation.taxReceipt');
        }
        return $errors;
    }
}
