<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain\Forms;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Domain\Tax\TaxPreview;
use Guichet\Adapter\Domain\Tax\TaxRules;
use Guichet\Adapter\Domain\Text;

/**
 * What GET forms/{id} answers (forms/public-definition.ts): texts resolved for the payer, live seats, the
 * status a payer would meet, and nothing secret (promo codes become hasPromoCodes, quotas become available).
 */
final class PublicDefinition
{
    /**
     * @param array<string, mixed> $config FormConfig
     * @param array<string, mixed> $ctx locale, now (DateTimeImmutable), availability? (callable typeId → ?int),
     *                                  raised? (int), paymentMethods (list), organization {name}, taxRules (array)
     * @return array<string, mixed> FormDefinition
     */
    public static function build(array $config, array $ctx): array
    {
        $locale = $ctx['locale'];
        $now = $ctx['now'];
        $schedule = FormStatus::schedule($config, $now);
        $common = [
            'protocol' => 1,
            'id' => $config['id'],
            'locale' => $locale,
            'title' => Text::resolve($config['title'], $locale),
            'currency' => $config['currency'],
            'status' => $schedule,
            'organization' => ['name' => $ctx['organization']['name']],
            'paymentMethods' => $ctx['paymentMethods'],
        ];
        if (isset($config['description'])) {
            $common['description'] = Text::resolve($config['description'], $locale);
        }
        if (isset($config['feeCoverage'])) {
            $common['feeCoverage'] = $config['feeCoverage'];
        }
        $year = TaxRules::taxYear($now);

        if ($config['kind'] === 'donation') {
            $donation = $config['donation'];
            unset($donation['goal']);
            if (isset($config['donation']['goal'])) {
                $donation['goal'] = ['amount' => $config['donation']['goal'], 'raised' => (int) ($ctx['raised'] ?? 0)];
            }
            $definition = ['kind' => 'donation'] + $common + ['donation' => $donation];
            return self::withTax($definition, $config, $ctx['taxRules'], $year);
        }

        if ($config['kind'] === 'membership') {
            $membership = $config['membership'];
            $membership['tiers'] = array_map(static function (array $tier) use ($locale): array {
                $tier['name'] = Text::resolve($tier['name'], $locale);
                if (isset($tier['description'])) {
                    $tier['description'] = Text::resolve($tier['description'], $locale);
                }
                return $tier;
            }, $config['membership']['tiers']);
            $membership['fields'] = self::publicFields($config['membership']['fields'] ?? [], $locale);
            $definition = ['kind' => 'membership'] + $common + ['membership' => $membership];
            return self::withTax($definition, $config, $ctx['taxRules'], $year);
        }

        $tickets = $config['tickets'];
        unset($tickets['promoCodes'], $tickets['event'], $tickets['holdMinutes']);
        $available = [];
        $types = [];
        foreach ($config['tickets']['types'] as $type) {
            $seats = isset($ctx['availability']) ? ($ctx['availability'])((string) $type['id']) : (isset($type['quota']) ? (int) $type['quota'] : null);
            $available[] = $seats;
            unset($type['quota']);
            $type['name'] = Text::resolve($type['name'], $locale);
            if (isset($type['description'])) {
                $type['description'] = Text::resolve($type['description'], $locale);
            }
            $type['available'] = $seats;
            $types[] = $type;
        }
        $tickets['types'] = $types;
        $hasPromoCodes = false;
        foreach ($config['tickets']['promoCodes'] ?? [] as $promo) {
            $hasPromoCodes = $hasPromoCodes || !isset($promo['validUntil'])
                || Instant::millis(Instant::of($promo['validUntil'])) >= Instant::millis($now);
        }
        $tickets['hasPromoCodes'] = $hasPromoCodes;
        $tickets['fields'] = self::publicFields($config['tickets']['fields'] ?? [], $locale);
        if (isset($config['tickets']['event'])) {
            $event = $config['tickets']['event'];
            $public = ['startsAt' => $event['startsAt']];
            if (isset($event['endsAt'])) {
                $public['endsAt'] = $event['endsAt'];
            }
            if (isset($event['location'])) {
                $public['location'] = Text::resolve($event['location'], $locale);
            }
            $tickets['event'] = $public;
        }
        $soldOut = $types !== [] && array_reduce($available, static function (bool $carry, ?int $seats): bool {
            return $carry && $seats !== null && $seats <= 0;
        }, true);
        $common['status'] = $schedule === 'open' ? ($soldOut ? 'sold_out' : 'open') : $schedule;
        return ['kind' => 'tickets'] + $common + ['tickets' => $tickets];
    }

    /**
     * @param array<string, mixed> $definition
     * @param array<string, mixed> $config
     * @param array<string, mixed> $rules
     * @return array<string, mixed>
     */
    private static function withTax(array $definition, array $config, array $rules, int $year): array
    {
        $reduction = TaxPreview::publicReduction($config, $rules, $year);
        if ($reduction !== null) {
            $definition['taxReduction'] = $reduction;
        }
        return $definition;
    }

    /**
     * @param array<int, array<string, mixed>> $fields
     * @return array<int, array<string, mixed>>
     */
    private static function publicFields(array $fields, string $locale): array
    {
        return array_map(static function (array $field) use ($locale): array {
            $field['label'] = Text::resolve($field['label'], $locale);
            if (isset($field['help'])) {
                $field['help'] = Text::resolve($field['help'], $locale);
            }
            if (isset($field['options'])) {
                $field['options'] = array_map(static function (array $option) use ($locale): array {
                    return ['value' => $option['value'], 'label' => Text::resolve($option['label'], $locale)];
                }, $field['options']);
            }
            return $field;
        }, $fields);
    }
}
