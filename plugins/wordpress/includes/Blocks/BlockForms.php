<?php
/**
 * Turns a block's editor settings into a protocol FormConfig: defaults from block.json, every value cast to
 * the type the protocol requires, anything unknown dropped. The payment providers are not the editor's to
 * choose: each form lists them all and the site's settings decide which exist.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Blocks;

defined('ABSPATH') || exit;

final class BlockForms
{
    private const FREQUENCIES = ['once', 'monthly', 'yearly'];
    private const PERIODS = ['rolling_year', 'calendar_year', 'month', 'lifetime'];
    private const OFFLINE = ['cheque', 'transfer', 'cash'];
    /** What covering the fees adds, close to Stripe's European card rate (the payer sees the amount). */
    private const FEE_RULE = ['percentBps' => 150, 'fixed' => 25];

    /**
     * @param array<string, mixed> $settings the block's config attribute
     * @return array<string, mixed> FormConfig
     */
    public static function toConfig(string $kind, string $formId, array $settings, string $fallbackTitle): array
    {
        $defaults = Blocks::defaults($kind);
        $settings += $defaults;
        $part = array_merge((array) ($defaults[$kind] ?? []), (array) ($settings[$kind] ?? []));
        $offline = array_values(array_intersect(self::OFFLINE, (array) ($settings['offlineMethods'] ?? [])));
        $title = trim((string) ($settings['title'] ?? ''));
        $config = [
            'kind' => $kind,
            'id' => $formId,
            'title' => $title !== '' ? $title : ($fallbackTitle !== '' ? $fallbackTitle : $formId),
            'currency' => preg_match('/^[A-Z]{3}$/', (string) ($settings['currency'] ?? '')) ? $settings['currency'] : 'EUR',
            'payment' => ['providers' => $offline === [] ? ['stripe', 'simulation'] : ['stripe', 'simulation', 'offline']],
        ];
        if ($offline !== []) {
            $config['payment']['offlineMethods'] = $offline;
        }
        $description = trim((string) ($settings['description'] ?? ''));
        if ($description !== '') {
            $config['description'] = $description;
        }
        if (!empty($settings['coverFees'])) {
            $config['feeCoverage'] = self::FEE_RULE;
        }
        if ($kind !== 'tickets' && is_array($settings['taxReceipt'] ?? null)) {
            $config['taxReceipt'] = [
                'enabled' => (bool) ($settings['taxReceipt']['enabled'] ?? false),
                'scheme' => ($settings['taxReceipt']['scheme'] ?? '') === 'coluche' ? 'coluche' : 'general',
            ];
        }
        $config[$kind] = self::$kind($part);
        return $config;
    }

    /** @param array<string, mixed> $d @return array<string, mixed> */
    private static function donation(array $d): array
    {
        $frequencies = array_values(array_intersect(self::FREQUENCIES, (array) ($d['frequencies'] ?? [])));
        $out = [
            'presets' => self::amounts($d['presets'] ?? [], 8),
            'presetsMonthly' => self::amounts($d['presetsMonthly'] ?? [], 8),
            'allowCustomAmount' => (bool) ($d['allowCustomAmount'] ?? true),
            'minimum' => max(1, (int) ($d['minimum'] ?? 100)),
            'maximum' => max(1, (int) ($d['maximum'] ?? 1000000)),
            'frequencies' => $frequencies === [] ? ['once'] : $frequencies,
            'allowAnonymous' => (bool) ($d['allowAnonymous'] ?? true),
            'allowDedication' => (bool) ($d['allowDedication'] ?? false),
        ];
        $out['defaultFrequency'] = in_array($d['defaultFrequency'] ?? '', $out['frequencies'], true) ? $d['defaultFrequency'] : $out['frequencies'][0];
        if (isset($d['defaultAmount']) && (int) $d['defaultAmount'] > 0) {
            $out['defaultAmount'] = (int) $d['defaultAmount'];
        }
        if (isset($d['goal']) && (int) $d['goal'] > 0) {
            $out['goal'] = (int) $d['goal'];
        }
        return $out;
    }

    /** @param array<string, mixed> $m @return array<string, mixed> */
    private static function membership(array $m): array
    {
        $tiers = [];
        foreach (array_slice((array) ($m['tiers'] ?? []), 0, 20) as $tier) {
            if (!is_array($tier) || !self::isId($tier['id'] ?? null)) {
                continue;
            }
            $price = (array) ($tier['price'] ?? []);
            $tiers[] = [
                'id' => $tier['id'],
                'name' => (string) ($tier['name'] ?? $tier['id']),
                'period' => in_array($tier['period'] ?? '', self::PERIODS, true) ? $tier['period'] : 'calendar_year',
                'price' => ($price['type'] ?? '') === 'range'
                    ? ['type' => 'range', 'minimum' => max(0, (int) ($price['minimum'] ?? 0)), 'maximum' => max(0, (int) ($price['maximum'] ?? 0))]
                    : ['type' => 'fixed', 'amount' => max(0, (int) ($price['amount'] ?? 0))],
                'per' => ($tier['per'] ?? '') === 'order' ? 'order' : 'member',
            ];
        }
        return [
            'tiers' => $tiers,
            'maxMembers' => min(20, max(1, (int) ($m['maxMembers'] ?? 1))),
            'allowExtraDonation' => (bool) ($m['allowExtraDonation'] ?? false),
            'autoRenew' => (bool) ($m['autoRenew'] ?? false),
            'fields' => [],
        ];
    }

    /** @param array<string, mixed> $t @return array<string, mixed> */
    private static function tickets(array $t): array
    {
        $types = [];
        foreach (array_slice((array) ($t['types'] ?? []), 0, 30) as $type) {
            if (!is_array($type) || !self::isId($type['id'] ?? null)) {
                continue;
            }
            $out = ['id' => $type['id'], 'name' => (string) ($type['name'] ?? $type['id']), 'price' => max(0, (int) ($type['price'] ?? 0))];
            if (isset($type['quota']) && $type['quota'] !== '' && $type['quota'] !== null) {
                $out['quota'] = max(0, (int) $type['quota']);
            }
            $types[] = $out;
        }
        $promoCodes = [];
        foreach ((array) ($t['promoCodes'] ?? []) as $promo) {
            $bps = (int) ($promo['discount']['percentBps'] ?? 0);
            if (is_array($promo) && preg_match('/^[A-Za-z0-9_-]{2,40}$/', (string) ($promo['code'] ?? '')) && $bps > 0 && $bps <= 10000) {
                $promoCodes[] = ['code' => (string) $promo['code'], 'discount' => ['type' => 'percent', 'percentBps' => $bps]];
            }
        }
        $out = [
            'types' => $types,
            'maxPerOrder' => min(100, max(1, (int) ($t['maxPerOrder'] ?? 10))),
            'attendeeNames' => (bool) ($t['attendeeNames'] ?? false),
            'promoCodes' => $promoCodes,
            'holdMinutes' => min(1440, max(5, (int) ($t['holdMinutes'] ?? 30))),
            'fields' => [],
        ];
        $startsAt = self::instant((string) ($t['event']['startsAt'] ?? ''));
        if ($startsAt !== null) {
            $out['event'] = ['startsAt' => $startsAt];
            $location = trim((string) ($t['event']['location'] ?? ''));
            if ($location !== '') {
                $out['event']['location'] = $location;
            }
        }
        return $out;
    }

    /** @param mixed $list @return int[] */
    private static function amounts($list, int $max): array
    {
        $amounts = array_values(array_filter(array_map('intval', (array) $list), static function (int $n): bool {
            return $n > 0;
        }));
        return array_slice($amounts, 0, $max);
    }

    /** @param mixed $value */
    private static function isId($value): bool
    {
        return is_string($value) && preg_match('/^[A-Za-z0-9_-]{1,64}$/', $value) === 1;
    }

    /** The editor's datetime-local ("2026-12-12T20:00"), read in the site's time zone, as RFC 3339. */
    private static function instant(string $text): ?string
    {
        if ($text === '') {
            return null;
        }
        try {
            return (new \DateTimeImmutable($text, wp_timezone()))->format(DATE_RFC3339);
        } catch (\Exception $e) {
            return null;
        }
    }
}
