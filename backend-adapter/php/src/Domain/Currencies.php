<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain;

/**
 * Digits of each currency's minor unit, as in domain/currencies.ts: money travels as integers in this unit end
 * to end, so it must also be the unit the payment processor charges in (hence MGA 0, as Stripe charges it).
 */
final class Currencies
{
    private const ZERO_DECIMAL = 'BIF CLP DJF GNF ISK JPY KMF KRW MGA PYG RWF UGX UYI VND VUV XAF XOF XPF';
    private const THREE_DECIMAL = 'BHD IQD JOD KWD LYD OMR TND';
    private const FOUR_DECIMAL = 'CLF UYW';
    private const TWO_DECIMAL =
        'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BWP BYN BZD CAD CDF CHF ' .
        'CNY COP CRC CVE CZK DKK DOP DZD EGP ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ' .
        'ILS INR JMD KES KGS KHR KYD KZT LAK LBP LKR LRD LSL MAD MDL MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR ' .
        'MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SEK SGD SHP SLE SOS ' .
        'SRD STN SZL THB TJS TOP TRY TTD TWD TZS UAH USD UYU UZS WST XCD YER ZAR ZMW';

    /** @var array<string, int>|null */
    private static ?array $table = null;

    /** @return array<string, int> */
    public static function exponents(): array
    {
        if (self::$table === null) {
            $table = [];
            $groups = [[self::TWO_DECIMAL, 2], [self::ZERO_DECIMAL, 0], [self::THREE_DECIMAL, 3], [self::FOUR_DECIMAL, 4]];
            foreach ($groups as $group) {
                foreach (explode(' ', $group[0]) as $code) {
                    $table[$code] = $group[1];
                }
            }
            self::$table = $table;
        }
        return self::$table;
    }
}
