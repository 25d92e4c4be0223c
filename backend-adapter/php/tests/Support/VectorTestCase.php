<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Support;

use PHPUnit\Framework\TestCase;

/**
 * A shared-vector case: `expected` is compared with what the PHP port returns; `throws: true` means the call
 * must refuse its input. Objects are compared key by key as JSON values (an expected object lists the keys
 * that matter, as the TypeScript suite's toMatchObject does).
 */
abstract class VectorTestCase extends TestCase
{
    /**
     * @param array<string, mixed> $case
     * @param callable $run fn(array $input): mixed
     */
    protected function checkCase(array $case, callable $run): void
    {
        if (($case['throws'] ?? false) === true) {
            try {
                $result = $run($case['input']);
            } catch (\Throwable $e) {
                $this->addToAssertionCount(1);
                return;
            }
            self::fail('Expected a refusal, got ' . json_encode($result));
        }
        $actual = $run($case['input']);
        self::assertMatchesJson($case['expected'], $actual, (string) $case['name']);
    }

    /**
     * @param mixed $expected
     * @param mixed $actual
     */
    protected static function assertMatchesJson($expected, $actual, string $message = ''): void
    {
        self::assertSame(self::canonical($expected), self::canonical(self::subset($expected, $actual)), $message);
    }

    /**
     * Keeps from $actual only the keys $expected has, recursively, so extra detail (from/event of an illegal
     * transition) is not a mismatch.
     * @param mixed $expected
     * @param mixed $actual
     * @return mixed
     */
    private static function subset($expected, $actual)
    {
        if (!is_array($expected) || !is_array($actual) || array_keys($expected) === range(0, count($expected) - 1)) {
            return $actual;
        }
        $out = [];
        foreach ($expected as $key => $value) {
            $out[$key] = array_key_exists($key, $actual) ? self::subset($value, $actual[$key]) : '(missing)';
        }
        return $out;
    }

    /** JSON text with sorted keys: types must match exactly (2500 is not "2500" nor 2500.0). @param mixed $value */
    private static function canonical($value): string
    {
        return (string) json_encode(self::sortKeys($value), JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION);
    }

    /** @param mixed $value @return mixed */
    private static function sortKeys($value)
    {
        if (!is_array($value)) {
            return $value;
        }
        $isList = $value === [] || array_keys($value) === range(0, count($value) - 1);
        $out = array_map([self::class, 'sortKeys'], $value);
        if (!$isList) {
            ksort($out);
        }
        return $out;
    }
}
