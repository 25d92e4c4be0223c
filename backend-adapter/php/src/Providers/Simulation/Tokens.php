<?php

declare(strict_types=1);

namespace Guichet\Adapter\Providers\Simulation;

/**
 * The simulation's signed tokens, format v1 of providers/simulation/tokens.ts (read it for the grammar): the
 * provider keeps no state, so everything it must trust later travels signed with the site's simulation secret.
 *   client secret  sim_<orderId>_<amount>_<CUR>_<mac>
 *   payment ref    simpay_<orderId>_<amount>_<CUR>_<state>_<at>_<mac>
 *   refund id      simre_<orderId>_<first 24 hex of mac>
 * mac = hex HMAC-SHA256(secret, "guichet-simulation-v1|<kind>|<parts…>").
 */
final class Tokens
{
    private const DOMAIN = 'guichet-simulation-v1';
    private const ORDER_ID = '[A-Za-z0-9_-]{1,64}';
    private const AMOUNT = '[1-9][0-9]{0,14}';
    private const CURRENCY = '[A-Z]{3}';
    private const MAC = '[0-9a-f]{64}';

    /** @param array<int, string|int> $parts */
    private static function mac(string $secret, array $parts): string
    {
        return hash_hmac('sha256', implode('|', array_merge([self::DOMAIN], $parts)), $secret);
    }

    /** @param array{orderId: string, amount: int, currency: string} $payment */
    public static function signClientSecret(string $secret, array $payment): string
    {
        $parts = ['client_secret', $payment['orderId'], $payment['amount'], $payment['currency']];
        return 'sim_' . $payment['orderId'] . '_' . $payment['amount'] . '_' . $payment['currency'] . '_' . self::mac($secret, $parts);
    }

    /** @return array{orderId: string, amount: int, currency: string}|null */
    public static function verifyClientSecret(string $secret, string $clientSecret): ?array
    {
        $pattern = '/^sim_(' . self::ORDER_ID . ')_(' . self::AMOUNT . ')_(' . self::CURRENCY . ')_(' . self::MAC . ')$/';
        if (!preg_match($pattern, $clientSecret, $m)) {
            return null;
        }
        if (!self::safe($m[2])) {
            return null;
        }
        $expected = self::mac($secret, ['client_secret', $m[1], $m[2], $m[3]]);
        return hash_equals($expected, $m[4]) ? ['orderId' => $m[1], 'amount' => (int) $m[2], 'currency' => $m[3]] : null;
    }

    /** @param array{orderId: string, amount: int, currency: string, state: string, at: int} $ref */
    public static function signPaymentRef(string $secret, array $ref): string
    {
        $parts = ['payment', $ref['orderId'], $ref['amount'], $ref['currency'], $ref['state'], $ref['at']];
        return 'simpay_' . implode('_', array_slice($parts, 1)) . '_' . self::mac($secret, $parts);
    }

    /** @return array{orderId: string, amount: int, currency: string, state: string, at: int}|null */
    public static function verifyPaymentRef(string $secret, string $providerRef): ?array
    {
        $pattern = '/^simpay_(' . self::ORDER_ID . ')_(' . self::AMOUNT . ')_(' . self::CURRENCY . ')_(open|paid|settling)_([0-9]{1,12})_(' . self::MAC . ')$/';
        if (!preg_match($pattern, $providerRef, $m) || !self::safe($m[2])) {
            return null;
        }
        $expected = self::mac($secret, ['payment', $m[1], $m[2], $m[3], $m[4], $m[5]]);
        if (!hash_equals($expected, $m[6])) {
            return null;
        }
        return ['orderId' => $m[1], 'amount' => (int) $m[2], 'currency' => $m[3], 'state' => $m[4], 'at' => (int) $m[5]];
    }

    public static function refundId(string $secret, string $orderId, int $amount, string $idempotencyKey): string
    {
        return 'simre_' . $orderId . '_' . substr(self::mac($secret, ['refund', $orderId, $amount, $idempotencyKey]), 0, 24);
    }

    /** Number.isSafeInteger of the decimal text (at most 2^53 − 1). */
    private static function safe(string $digits): bool
    {
        return strlen($digits) < 16 || (strlen($digits) === 16 && strcmp($digits, '9007199254740991') <= 0);
    }
}
