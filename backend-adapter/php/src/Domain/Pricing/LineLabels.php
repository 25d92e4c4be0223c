<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain\Pricing;

/** Labels of the lines the domain writes itself (pricing/labels.ts); tiers and ticket types carry the editor's names. */
final class LineLabels
{
    public const LABELS = [
        'fr' => [
            'donationOnce' => 'Don',
            'donationMonthly' => 'Don mensuel',
            'donationYearly' => 'Don annuel',
            'extraDonation' => 'Don supplémentaire',
            'feeCoverage' => 'Frais de paiement couverts',
            'discount' => 'Code promo {code}',
        ],
        'en' => [
            'donationOnce' => 'Donation',
            'donationMonthly' => 'Monthly donation',
            'donationYearly' => 'Yearly donation',
            'extraDonation' => 'Extra donation',
            'feeCoverage' => 'Payment fees covered',
            'discount' => 'Promo code {code}',
        ],
    ];

    /**
     * @param array<string, string> $overrides
     * @return array<string, string>
     */
    public static function forLocale(string $locale, array $overrides = []): array
    {
        return array_merge(self::LABELS[$locale === 'en' ? 'en' : 'fr'], $overrides);
    }
}
