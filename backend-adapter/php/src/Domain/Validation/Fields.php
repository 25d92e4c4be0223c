<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain\Validation;

use Guichet\Adapter\Domain\Js;

/**
 * Single-value checks (validation/fields.ts): each answers the error code of the problem, or null when fine.
 */
final class Fields
{
    /** @param mixed $value */
    public static function checkRequiredText($value, int $max): ?string
    {
        if (Js::isBlank($value)) {
            return 'required';
        }
        return Js::length($value) > $max ? 'too_long' : null;
    }

    /** @param mixed $value absent is null */
    public static function checkOptionalText($value, int $max): ?string
    {
        if ($value === null) {
            return null;
        }
        if (!is_string($value)) {
            return 'invalid_choice';
        }
        return Js::length($value) > $max ? 'too_long' : null;
    }

    /** Pragmatic syntax: something, one '@', a dotted domain with no empty label, no space. */
    public static function isValidEmail(string $value): bool
    {
        $space = Js::SPACE_CLASS;
        return Js::length($value) <= 254
            && preg_match('/^[^' . $space . '@]+@[^' . $space . '@.]+(\.[^' . $space . '@.]+)+$/u', $value) === 1;
    }

    /** @param mixed $value */
    public static function checkEmail($value): ?string
    {
        if (Js::isBlank($value)) {
            return 'required';
        }
        $email = Js::trim($value);
        if (Js::length($email) > 254) {
            return 'too_long';
        }
        return self::isValidEmail($email) ? null : 'invalid_email';
    }

    /** Digits with the usual separators, an optional leading '+', 6 to 15 digits. */
    public static function isValidPhone(string $value): bool
    {
        $digits = (string) preg_replace('/[' . Js::SPACE_CLASS . '.\-()\/]/u', '', $value);
        return preg_match('/^\+?[0-9]{6,15}$/', $digits) === 1;
    }

    public static function isValidCountry(string $code): bool
    {
        return Countries::isKnown($code);
    }

    /** French-style five digits where La Poste's codes apply; elsewhere letters, digits, spaces and dashes. */
    public static function isValidPostalCode(string $code, string $country): bool
    {
        $trimmed = Js::trim($code);
        if (Countries::usesFrenchPostcodes($country)) {
            return preg_match('/^[0-9]{5}$/', $trimmed) === 1;
        }
        return preg_match('/^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$/', $trimmed) === 1;
    }

    /** A real calendar date written YYYY-MM-DD (2024-02-29 yes, 2025-02-29 no), year ≥ 1000. */
    public static function isValidDate(string $value): bool
    {
        if (!preg_match('/^(\d{4})-(\d{2})-(\d{2})$/', $value, $m)) {
            return false;
        }
        $year = (int) $m[1];
        return $year >= 1000 && checkdate((int) $m[2], (int) $m[3], $year);
    }
}
