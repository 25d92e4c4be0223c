<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Vectors;

use Guichet\Adapter\Domain\Validation\OrderValidator;
use Guichet\Adapter\Protocol\FieldError;
use Guichet\Adapter\Tests\Support\VectorContext;
use Guichet\Adapter\Tests\Support\Vectors;
use Guichet\Adapter\Tests\Support\VectorTestCase;

final class ValidationVectorsTest extends VectorTestCase
{
    /** @return array<string, array{0: array<string, mixed>}> */
    public function cases(): array
    {
        return Vectors::cases('validation.json');
    }

    /**
     * validateOrder's errors, compared as a multiset (order is not part of the contract), params included.
     * @dataProvider cases
     * @param array<string, mixed> $case
     */
    public function testValidateOrder(array $case): void
    {
        $file = Vectors::load('validation.json');
        $errors = OrderValidator::validate(
            $file['forms'][$case['form']],
            $case['request'],
            VectorContext::from($case['ctx'] ?? $file['defaultCtx'])
        );
        $actual = array_map(static function (FieldError $e): array {
            return $e->toData();
        }, $errors);
        self::assertMatchesJson(self::sorted($case['expected']), self::sorted($actual), (string) $case['name']);
    }

    /**
     * @param array<int, array<string, mixed>> $errors
     * @return array<int, array<string, mixed>>
     */
    private static function sorted(array $errors): array
    {
        usort($errors, static function (array $a, array $b): int {
            return strcmp((string) json_encode([$a['field'] ?? '', $a['code']]), (string) json_encode([$b['field'] ?? '', $b['code']]));
        });
        return array_map(static function (array $e): array {
            ksort($e);
            if (isset($e['params'])) {
                ksort($e['params']);
            }
            return $e;
        }, $errors);
    }
}
