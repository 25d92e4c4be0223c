<?php

declare(strict_types=1);

namespace Guichet\Adapter\Orders;

/** Order ids, status tokens, references and ticket codes (orders/secrets.ts): random, unguessable where it matters. */
final class Secrets
{
    private const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

    public static function base64url(string $bytes): string
    {
        return rtrim(strtr(base64_encode($bytes), '+/', '-_'), '=');
    }

    private static function base32(string $bytes, int $length): string
    {
        $out = '';
        for ($i = 0; $i < $length; $i++) {
            $out .= self::CROCKFORD[ord($bytes[$i] ?? "\0") % 32];
        }
        return $out;
    }

    public static function newOrderId(): string
    {
        return 'ord_' . self::base64url(random_bytes(12));
    }

    public static function newItemId(string $prefix): string
    {
        return $prefix . '_' . self::base64url(random_bytes(12));
    }

    /** The bearer of this token may read the order's status: 192 random bits. */
    public static function newStatusToken(): string
    {
        return self::base64url(random_bytes(24));
    }

    /** Short enough to write on a cheque, without letters that read like digits. */
    public static function newReference(): string
    {
        return 'G-' . self::base32(random_bytes(8), 8);
    }

    /** Printed on a ticket and typed at the door: 10 characters, 50 bits. */
    public static function newTicketCode(): string
    {
        return self::base32(random_bytes(10), 10);
    }

    public static function sha256(string $text): string
    {
        return hash('sha256', $text);
    }

    public static function matchesHash(string $presented, string $storedHash): bool
    {
        return hash_equals($storedHash, self::sha256($presented));
    }

    /**
     * JSON with sorted keys, so the same request hashes the same whatever the order of its fields.
     * @param mixed $value
     */
    public static function canonicalJson($value): string
    {
        if (is_array($value)) {
            $isList = $value === [] || array_keys($value) === range(0, count($value) - 1);
            if ($isList) {
                return '[' . implode(',', array_map([self::class, 'canonicalJson'], $value)) . ']';
            }
            ksort($value, SORT_STRING);
            $parts = [];
            foreach ($value as $key => $item) {
                $parts[] = json_encode((string) $key, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES) . ':' . self::canonicalJson($item);
            }
            return '{' . implode(',', $parts) . '}';
        }
        return (string) json_encode($value, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
    }
}
