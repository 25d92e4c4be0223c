<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Support;

/**
 * Loads the shared test vectors (tests/vectors/*.json, format in tests/vectors/README.md) as PHPUnit data
 * providers: one data set per case, named after the case, so a failure names the vector that broke.
 */
final class Vectors
{
    /** @return string[] file names present in tests/vectors */
    public static function files(): array
    {
        $files = glob(Paths::vectors() . '/*.json') ?: [];
        return array_map('basename', $files);
    }

    /** @return array<string, mixed> */
    public static function load(string $file): array
    {
        $path = Paths::vectors() . '/' . $file;
        if (!is_file($path)) {
            throw new \RuntimeException('Vector file missing: ' . $path);
        }
        return json_decode((string) file_get_contents($path), true, 512, JSON_THROW_ON_ERROR);
    }

    /**
     * @return array<string, array{0: array<string, mixed>}>
     */
    public static function cases(string $file, string $key = 'cases'): array
    {
        $data = self::load($file);
        $out = [];
        foreach ($data[$key] ?? [] as $i => $case) {
            $name = (string) ($case['name'] ?? $case['id'] ?? $case['description'] ?? ('#' . $i));
            while (isset($out[$name])) {
                $name .= ' (again)';
            }
            $out[$name] = [$case];
        }
        if ($out === []) {
            throw new \RuntimeException('No cases under "' . $key . '" in ' . $file);
        }
        return $out;
    }
}
