<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Support;

/** Placeholder until the emulator's CLI lands; see startShared(). */
final class StripeEmulator
{
    public static function stopShared(): void
    {
    }
}
