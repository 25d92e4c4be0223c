<?php

declare(strict_types=1);

namespace Guichet\Adapter\Http;

use Guichet\Adapter\Protocol\Json;

/**
 * The structural part of the OrderRequest schema, checked before the domain runs: the objects and lists the
 * rules walk through must be there. Values inside (amounts, texts, dates) are the domain's to judge, so the
 * payer gets field errors for them rather than a blunt bad_request.
 */
final class RequestShape
{
    /**
     * The OrderRequest's own top-level properties besides the one named by its kind (the schema is closed:
     * `additionalProperties: false`, so a client-side `total` is refused, never trusted). `currency` is let
     * through here only so that Orders\OrderPrice can name the form's currency when it differs.
     */
    public const TOP_LEVEL_KEYS = ['kind', 'locale', 'payment', 'payer', 'consents', 'coverFees', 'expectedTotal', 'returnUrl', 'flow'];

    /**
     * The dotted path of the first structural problem, or null when the shape is usable.
     * @param array<string, mixed> $request
     */
    public static function problem(array $request): ?string
    {
        $kind = $request['kind'] ?? null;
        if (!in_array($kind, ['donation', 'membership', 'tickets'], true)) {
            return 'kind';
        }
        foreach (array_keys($request) as $key) {
            if (!in_array($key, self::TOP_LEVEL_KEYS, true) && $key !== $kind && $key !== 'currency') {
                return (string) $key;
            }
        }
        if (!in_array($request['locale'] ?? null, ['fr', 'en'], true)) {
            return 'locale';
        }
        if (!Json::isObject($request['payment'] ?? null) || !is_string($request['payment']['provider'] ?? null)) {
            return 'payment.provider';
        }
        if (isset($request['payment']['offlineMethod']) && !is_string($request['payment']['offlineMethod'])) {
            return 'payment.offlineMethod';
        }
        if (!Json::isObject($request['payer'] ?? null)) {
            return 'payer';
        }
        if (isset($request['payer']['address']) && !Json::isObject($request['payer']['address'])) {
            return 'payer.address';
        }
        foreach (['coverFees'] as $flag) {
            if (array_key_exists($flag, $request) && !is_bool($request[$flag])) {
                return $flag;
            }
        }
        if (array_key_exists('expectedTotal', $request) && !is_int($request['expectedTotal'])) {
            return 'expectedTotal';
        }
        if (array_key_exists('flow', $request) && !in_array($request['flow'], ['widget', 'redirect'], true)) {
            return 'flow';
        }
        if (!Json::isObject($request[$kind] ?? null)) {
            return $kind;
        }
        $part = $request[$kind];
        if ($kind === 'donation') {
            return array_key_exists('amount', $part) ? null : 'donation.amount';
        }
        if ($kind === 'membership') {
            if (!is_string($part['tierId'] ?? null)) {
                return 'membership.tierId';
            }
            if (!Json::isList($part['members'] ?? null)) {
                return 'membership.members';
            }
            foreach ($part['members'] as $i => $member) {
                if (!Json::isObject($member)) {
                    return 'membership.members.' . $i;
                }
            }
            return null;
        }
        if (!Json::isList($part['items'] ?? null)) {
            return 'tickets.items';
        }
        foreach ($part['items'] as $i => $item) {
            if (!Json::isObject($item) || !is_string($item['typeId'] ?? null) || !array_key_exists('quantity', $item)) {
                return 'tickets.items.' . $i;
            }
        }
        if (isset($part['attendees'])) {
            if (!Json::isList($part['attendees'])) {
                return 'tickets.attendees';
            }
            foreach ($part['attendees'] as $i => $attendee) {
                if (!Json::isObject($attendee)) {
                    return 'tickets.attendees.' . $i;
                }
            }
        }
        return null;
    }
}
