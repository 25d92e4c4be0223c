<?php

declare(strict_types=1);

namespace Guichet\Adapter\Protocol;

/** JSON as the protocol speaks it: UTF-8 left readable, slashes unescaped, errors thrown rather than returned. */
final class Json
{
    private const ENCODE_FLAGS = JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION;

    /** @param mixed $value */
    public static function encode($value): string
    {
        return json_encode($value, self::ENCODE_FLAGS | JSON_THROW_ON_ERROR | JSON_INVALID_UTF8_SUBSTITUTE);
    }

    /**
     * Decodes a JSON object into an associative array.
     * @throws \JsonException when the text is not JSON or not an object
     * @return array<string, mixed>
     */
    public static function decodeObject(string $text): array
    {
        $trimmed = ltrim($text);
        if ($trimmed === '' || $trimmed[0] !== '{') {
            throw new \JsonException('Expected a JSON object');
        }
        $value = json_decode($text, true, 64, JSON_THROW_ON_ERROR | JSON_BIGINT_AS_STRING);
        if (!is_array($value)) {
            throw new \JsonException('Expected a JSON object');
        }
        return $value;
    }

    /** @param mixed $value */
    public static function isList($value): bool
    {
        if (!is_array($value)) {
            return false;
        }
        $i = 0;
        foreach (array_keys($value) as $key) {
            if ($key !== $i++) {
                return false;
            }
        }
        return true;
    }

    /** An associative array, or an empty one, that came from a JSON object. @param mixed $value */
    public static function isObject($value): bool
    {
        return is_array($value) && ($value === [] || !self::isList($value));
    }
}
