<?php

declare(strict_types=1);

namespace Guichet\Adapter\Providers\Simulation;

use Guichet\Adapter\DataFiles;
use Guichet\Adapter\Domain\Js;

/** The simulation's test cards, read from the protocol's shared simulation-cards.json (providers/simulation/cards.ts). */
final class Cards
{
    /** @var array<string, mixed>|null */
    private static ?array $table = null;

    /** @return array<string, mixed> */
    public static function table(): array
    {
        if (self::$table === null) {
            self::$table = DataFiles::json('simulation-cards.json');
        }
        return self::$table;
    }

    /**
     * What the card does: outcome, reason?, failureCode?, settleAfterSeconds?. Spaces and dashes are ignored;
     * a number missing from the table is declined, so nothing unexpected ever "pays".
     * @return array<string, mixed>
     */
    public static function behaviour(string $card): array
    {
        $number = (string) preg_replace('/[' . Js::SPACE_CLASS . '\-]/u', '', $card);
        foreach (self::table()['cards'] as $known) {
            if ($known['number'] === $number) {
                return $known;
            }
        }
        return self::table()['otherwise'];
    }

    /** @return array<string, mixed> the payer refused the 3-D Secure challenge */
    public static function challengeRefused(): array
    {
        return self::table()['challengeRefused'];
    }
}
