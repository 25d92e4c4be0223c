<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain;

/**
 * JavaScript's meaning of a few primitives the TypeScript rules rely on, so both adapters judge the same input
 * the same way: string length in UTF-16 code units, trim() and \s over Unicode spaces, Number.isSafeInteger
 * (JSON's 25.0 is the integer 25 in JavaScript, a float in PHP).
 */
final class Js
{
    /** The characters JavaScript's trim() and \s treat as white space. */
    public const SPACE_CLASS = '\s\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}';

    private const MAX_SAFE_INTEGER = 9007199254740991;

    /** @param mixed $value */
    public static function isSafeInteger($value): bool
    {
        if (is_int($value)) {
            return $value >= -self::MAX_SAFE_INTEGER && $value <= self::MAX_SAFE_INTEGER;
        }
        return is_float($value) && is_finite($value) && floor($value) === $value && abs($value) <= self::MAX_SAFE_INTEGER;
    }

    /** The integer a safe-integer value stands for. @param mixed $value */
    public static function toInt($value): int
    {
        return (int) $value;
    }

    /** @param mixed $value */
    public static function isNumber($value): bool
    {
        return is_int($value) || is_float($value);
    }

    /** String.prototype.length: UTF-16 code units (an emoji counts 2). */
    public static function length(string $text): int
    {
        $length = 0;
        $bytes = strlen($text);
        for ($i = 0; $i < $bytes; $i++) {
            $byte = ord($text[$i]);
            if ($byte < 0x80 || $byte >= 0xC0) {
                // A lead byte starts a code point; four-byte sequences are astral (two UTF-16 units).
                $length += $byte >= 0xF0 ? 2 : 1;
            }
        }
        return $length;
    }

    public static function trim(string $text): string
    {
        return (string) preg_replace('/^[' . self::SPACE_CLASS . ']+|[' . self::SPACE_CLASS . ']+$/u', '', $text);
    }

    /** Text that counts as not given: not a string, or only spaces. @param mixed $value */
    public static function isBlank($value): bool
    {
        return !is_string($value) || self::trim($value) === '';
    }

    /** String.prototype.toUpperCase for the ASCII codes Guichet compares (promo codes are [A-Za-z0-9_-]). */
    public static function upper(string $text): string
    {
        return function_exists('mb_strtoupper') ? mb_strtoupper($text, 'UTF-8') : strtoupper($text);
    }
}
