<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain\Validation;

use Guichet\Adapter\Domain\Js;
use Guichet\Adapter\Protocol\FieldError;

/** The payer's identity and address (validation/payer.ts). Lengths match the protocol schema. */
final class Payer
{
    public const LIMITS = [
        'email' => 254,
        'name' => 100,
        'company' => 200,
        'phone' => 30,
        'addressLine' => 200,
        'postalCode' => 20,
        'city' => 100,
    ];

    /** @param FieldError[] $errors @param mixed $value */
    public static function requireText(array &$errors, $value, int $max, string $field): void
    {
        $code = Fields::checkRequiredText($value, $max);
        if ($code === 'too_long') {
            $errors[] = new FieldError($code, $field, ['max' => $max]);
        } elseif ($code !== null) {
            $errors[] = new FieldError($code, $field);
        }
    }

    /** @param FieldError[] $errors @param mixed $value */
    public static function optionalText(array &$errors, $value, int $max, string $field): void
    {
        $code = Fields::checkOptionalText($value, $max);
        if ($code === 'too_long') {
            $errors[] = new FieldError($code, $field, ['max' => $max]);
        } elseif ($code !== null) {
            $errors[] = new FieldError($code, $field);
        }
    }

    /** @param mixed $value */
    public static function emailError($value, string $field, bool $optional = false): ?FieldError
    {
        if ($optional && ($value === null || $value === '')) {
            return null;
        }
        $code = Fields::checkEmail($value);
        if ($code === null) {
            return null;
        }
        return $code === 'too_long' ? new FieldError($code, $field, ['max' => self::LIMITS['email']]) : new FieldError($code, $field);
    }

    /** @param array<string, mixed> $address @return FieldError[] */
    public static function validateAddress(array $address, string $field): array
    {
        $errors = [];
        self::requireText($errors, $address['line1'] ?? null, self::LIMITS['addressLine'], $field . '.line1');
        self::optionalText($errors, $address['line2'] ?? null, self::LIMITS['addressLine'], $field . '.line2');
        self::requireText($errors, $address['postalCode'] ?? null, self::LIMITS['postalCode'], $field . '.postalCode');
        self::requireText($errors, $address['city'] ?? null, self::LIMITS['city'], $field . '.city');
        $country = $address['country'] ?? null;
        $countryKnown = is_string($country) && Fields::isValidCountry($country);
        if (Js::isBlank($country)) {
            $errors[] = new FieldError('required', $field . '.country');
        } elseif (!$countryKnown) {
            $errors[] = new FieldError('invalid_country', $field . '.country');
        }
        $postalCode = $address['postalCode'] ?? null;
        if ($countryKnown && !Js::isBlank($postalCode) && Js::length($postalCode) <= self::LIMITS['postalCode']
            && !Fields::isValidPostalCode($postalCode, $country)) {
            $errors[] = new FieldError('invalid_postal_code', $field . '.postalCode');
        }
        return $errors;
    }

    /**
     * Every problem with the payer at once. The address is needed only for a tax receipt, but an address
     * that was given is always checked.
     * @param array<string, mixed> $payer
     * @return FieldError[]
     */
    public static function validate(array $payer, bool $addressRequired): array
    {
        $errors = [];
        $email = self::emailError($payer['email'] ?? null, 'payer.email');
        if ($email !== null) {
            $errors[] = $email;
        }
        self::requireText($errors, $payer['firstName'] ?? null, self::LIMITS['name'], 'payer.firstName');
        self::requireText($errors, $payer['lastName'] ?? null, self::LIMITS['name'], 'payer.lastName');
        self::optionalText($errors, $payer['company'] ?? null, self::LIMITS['company'], 'payer.company');
        $phone = $payer['phone'] ?? null;
        if ($phone !== null && !Js::isBlank($phone)) {
            if (Js::length($phone) > self::LIMITS['phone']) {
                $errors[] = new FieldError('too_long', 'payer.phone', ['max' => self::LIMITS['phone']]);
            } elseif (!Fields::isValidPhone($phone)) {
                $errors[] = new FieldError('invalid_phone', 'payer.phone');
            }
        }
        if (isset($payer['address']) && is_array($payer['address'])) {
            array_push($errors, ...self::validateAddress($payer['address'], 'payer.address'));
        } elseif ($addressRequired) {
            $errors[] = new FieldError('address_required', 'payer.address');
        }
        return $errors;
    }
}
