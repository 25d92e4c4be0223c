<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Support;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Domain\OrderContext;

/** The plain-JSON ctx of validation.json and pricing.json as an OrderContext (tests/vectors/README.md). */
final class VectorContext
{
    /** @param array<string, mixed> $ctx {now, locale, availability?, promoUses?} */
    public static function from(array $ctx): OrderContext
    {
        $availability = null;
        if (array_key_exists('availability', $ctx) && is_array($ctx['availability'])) {
            $map = $ctx['availability'];
            $availability = static function (string $typeId) use ($map): ?int {
                return isset($map[$typeId]) ? (int) $map[$typeId] : null;
            };
        }
        $uses = $ctx['promoUses'] ?? [];
        return new OrderContext(
            Instant::of($ctx['now']),
            (string) $ctx['locale'],
            $availability,
            static function (string $code) use ($uses): int {
                return (int) ($uses[$code] ?? 0);
            }
        );
    }
}
