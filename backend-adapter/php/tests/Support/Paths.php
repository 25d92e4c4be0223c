<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Support;

final class Paths
{
    public static function repository(): string
    {
        return dirname(__DIR__, 4);
    }

    public static function vectors(): string
    {
        return self::repository() . '/tests/vectors';
    }
}
