<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain\Tax;

use Guichet\Adapter\DataFiles;

/** The versioned French tax-reduction rules, read from the TypeScript domain's own tax-rules.json (tax/tax-rules.ts). */
final class TaxRules
{
    /** @var array<string, mixed>|null */
    private static ?array $shipped = null;

    /** The rules shipped with this release. Hosts may pass a newer array of the same shape instead. @return array<string, mixed> */
    public static function shipped(): array
    {
        if (self::$shipped === null) {
            self::$shipped = DataFiles::json('tax-rules.json');
        }
        return self::$shipped;
    }

    /**
     * The rules of $year: a year the file does not know yet falls back to the latest earlier one, a year
     * before the file to its first one.
     * @param array<string, mixed> $rules
     * @return array<string, mixed>
     */
    public static function forYear(array $rules, int $year): array
    {
        $years = array_map('intval', array_keys($rules['years'] ?? []));
        sort($years);
        if ($years === []) {
            throw new \UnexpectedValueException('The tax rules file lists no year');
        }
        $chosen = $years[0];
        foreach ($years as $known) {
            if ($known <= $year) {
                $chosen = $known;
            }
        }
        return $rules['years'][(string) $chosen];
    }

    /** The year a gift paid at $now counts for: the calendar year in France. */
    public static function taxYear(\DateTimeImmutable $now): int
    {
        return (int) $now->setTimezone(new \DateTimeZone('Europe/Paris'))->format('Y');
    }
}
