<?php

declare(strict_types=1);

namespace Guichet\Adapter\Providers\Shared;

/**
 * The `t=<unix seconds>,v1=<hex>` signature scheme of Stripe's webhooks, reused by the simulation provider
 * (providers/shared/signed-header.ts). v1 = lowercase hex HMAC-SHA256 keyed with the whole secret string over
 * "<t>.<raw body>". Accepted when |now − t| ≤ tolerance (stripe-php's rule) and any v1 matches (rotation);
 * other schemes are ignored. The checks run in the TypeScript order so both give the same reason.
 */
final class SignedHeader
{
    public const DEFAULT_TOLERANCE_SECONDS = 300;

    /**
     * @return array{ok: true, timestamp: int}|array{ok: false, reason: string} reason: missing_header |
     *         empty_body | malformed_header | no_v1_signature | timestamp_outside_tolerance | no_matching_signature
     */
    public static function check(
        string $rawBody,
        ?string $header,
        string $secret,
        int $nowSeconds,
        int $toleranceSeconds = self::DEFAULT_TOLERANCE_SECONDS
    ): array {
        if ($header === null || trim($header) === '') {
            return ['ok' => false, 'reason' => 'missing_header'];
        }
        // No Stripe event is empty, even one correctly signed.
        if ($rawBody === '') {
            return ['ok' => false, 'reason' => 'empty_body'];
        }
        $timestamp = null;
        $candidates = [];
        // Items are split on "," then on their first "=", without trimming: " v1" is not v1 (Stripe never sends spaces).
        foreach (explode(',', $header) as $item) {
            $at = strpos($item, '=');
            if ($at === false || $at === 0) {
                continue;
            }
            $key = substr($item, 0, $at);
            $value = substr($item, $at + 1);
            if ($key === 't' && preg_match('/^\d{1,15}$/D', $value)) {
                $timestamp = (int) $value;
            } elseif ($key === 'v1') {
                $candidates[] = $value;
            }
        }
        if ($timestamp === null) {
            return ['ok' => false, 'reason' => 'malformed_header'];
        }
        if ($candidates === []) {
            return ['ok' => false, 'reason' => 'no_v1_signature'];
        }
        if (abs($nowSeconds - $timestamp) > $toleranceSeconds) {
            return ['ok' => false, 'reason' => 'timestamp_outside_tolerance'];
        }
        $expected = self::compute($rawBody, $secret, $timestamp);
        $matched = false;
        foreach ($candidates as $candidate) {
            // Every candidate is compared, so the time taken does not depend on which one matched.
            $matched = hash_equals($expected, $candidate) || $matched;
        }
        return $matched ? ['ok' => true, 'timestamp' => $timestamp] : ['ok' => false, 'reason' => 'no_matching_signature'];
    }

    public static function compute(string $rawBody, string $secret, int $timestamp): string
    {
        return hash_hmac('sha256', $timestamp . '.' . $rawBody, $secret);
    }

    /** A header as the sender writes it (the simulation's own events, tests). */
    public static function header(string $rawBody, string $secret, int $timestamp): string
    {
        return 't=' . $timestamp . ',v1=' . self::compute($rawBody, $secret, $timestamp);
    }

    /**
     * One header's value whatever the case the sender used; a list is joined with ',' like Node does.
     * @param array<string, string|string[]> $headers
     */
    public static function headerValue(array $headers, string $name): ?string
    {
        $wanted = strtolower($name);
        foreach ($headers as $key => $value) {
            if (strtolower((string) $key) === $wanted) {
                return is_array($value) ? implode(',', $value) : (string) $value;
            }
        }
        return null;
    }
}
