<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain\Validation;

use Guichet\Adapter\Domain\Js;
use Guichet\Adapter\Domain\Money;
use Guichet\Adapter\Protocol\FieldError;

/** An amount the payer chose, within bounds (validation/amounts.ts). */
final class Amounts
{
    /** Amounts inside error messages are written in full, like totals: "5,00 €", "€12.50". */
    public static function shown(int $amount, string $currency, string $locale): string
    {
        return Money::format($amount, $currency, $locale);
    }

    /**
     * The first problem only: not a number, too small, or too large.
     * @param mixed $value
     */
    public static function error($value, int $min, int $max, string $field, string $currency, string $locale): ?FieldError
    {
        if (!Js::isSafeInteger($value)) {
            return new FieldError('amount_not_integer', $field);
        }
        $value = Js::toInt($value);
        if ($value < $min) {
            return new FieldError('amount_too_small', $field, ['min' => self::shown($min, $currency, $locale)]);
        }
        $max = min($max, Money::MAX_MINOR_AMOUNT);
        if ($value > $max) {
            return new FieldError('amount_too_large', $field, ['max' => self::shown($max, $currency, $locale)]);
        }
        return null;
    }
}
