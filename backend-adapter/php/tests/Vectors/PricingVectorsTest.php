<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Vectors;

use Guichet\Adapter\Domain\Pricing\Pricing;
use Guichet\Adapter\Protocol\FieldError;
use Guichet\Adapter\Tests\Support\VectorContext;
use Guichet\Adapter\Tests\Support\Vectors;
use Guichet\Adapter\Tests\Support\VectorTestCase;

final class PricingVectorsTest extends VectorTestCase
{
    /** @return array<string, array{0: array<string, mixed>}> */
    public function cases(): array
    {
        return Vectors::cases('pricing.json');
    }

    /**
     * Quotes are compared strictly: a key absent from `expected` must be absent from the result.
     * @dataProvider cases
     * @param array<string, mixed> $case
     */
    public function testPricing(array $case): void
    {
        $file = Vectors::load('pricing.json');
        $form = $file['forms'][$case['form']];
        $ctx = VectorContext::from($case['ctx'] ?? $file['defaultCtx']);
        if ($case['fn'] === 'priceOrder') {
            $actual = Pricing::priceOrder($form, $case['request'], $ctx);
        } elseif ($case['fn'] === 'quoteOrder') {
            $actual = Pricing::quoteOrder($form, $case['request'], $ctx);
            if (!$actual['ok']) {
                $actual['errors'] = array_map(static function (FieldError $e): array {
                    return $e->toData();
                }, $actual['errors']);
            }
        } else {
            throw new \LogicException('No PHP runner for pricing function ' . $case['fn']);
        }
        self::assertSame(self::canonicalJson($case['expected']), self::canonicalJson($actual), (string) $case['name']);
    }

    /** @param mixed $value */
    private static function canonicalJson($value): string
    {
        $sort = static function ($v) use (&$sort) {
            if (!is_array($v)) {
                return $v;
            }
            $isList = $v === [] || array_keys($v) === range(0, count($v) - 1);
            $out = array_map($sort, $v);
            if (!$isList) {
                ksort($out);
            }
            return $out;
        };
        return (string) json_encode($sort($value), JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION | JSON_PRETTY_PRINT);
    }
}
