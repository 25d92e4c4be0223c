<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Vectors;

use Guichet\Adapter\Domain\Forms\PublicDefinition;
use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Tests\Support\Vectors;
use Guichet\Adapter\Tests\Support\VectorTestCase;

final class PublicDefinitionVectorsTest extends VectorTestCase
{
    /** @return array<string, array{0: array<string, mixed>}> */
    public function cases(): array
    {
        return Vectors::cases('public-definition.json');
    }

    /**
     * toFormDefinition, compared deeply: keys absent from `expected` must be absent from the result.
     * @dataProvider cases
     * @param array<string, mixed> $case
     */
    public function testToFormDefinition(array $case): void
    {
        $file = Vectors::load('public-definition.json');
        $ctx = $case['input']['ctx'];
        $context = [
            'locale' => $ctx['locale'],
            'now' => Instant::of($ctx['now']),
            'paymentMethods' => $file['paymentMethods'],
            'organization' => $file['organization'],
            'taxRules' => $file['rules'],
        ];
        if (array_key_exists('raised', $ctx)) {
            $context['raised'] = $ctx['raised'];
        }
        if (isset($ctx['availability']) && is_array($ctx['availability'])) {
            $map = $ctx['availability'];
            $context['availability'] = static function (string $typeId) use ($map): ?int {
                return isset($map[$typeId]) ? (int) $map[$typeId] : null;
            };
        }
        $actual = PublicDefinition::build($file['forms'][$case['input']['form']], $context);
        self::assertSame(self::sorted($case['expected']), self::sorted($actual), (string) $case['name']);
    }

    /** @param mixed $value @return mixed */
    private static function sorted($value)
    {
        if (!is_array($value)) {
            return $value;
        }
        $isList = $value === [] || array_keys($value) === range(0, count($value) - 1);
        $out = array_map([self::class, 'sorted'], $value);
        if (!$isList) {
            ksort($out);
        }
        return $out;
    }
}
