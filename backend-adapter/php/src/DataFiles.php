<?php

declare(strict_types=1);

namespace Guichet\Adapter;

/**
 * Finds the JSON data files the adapter shares with the TypeScript side (error catalogue, tax rules, test cards,
 * the PDF fonts' glyph widths).
 * In the repository they live beside the TypeScript code that owns them; a plugin release carries copies in
 * php/data/ (the build copies them), so both layouts are searched and the files are never duplicated in git.
 */
final class DataFiles
{
    /** Repository locations, relative to backend-adapter/, of each shared file. */
    private const SOURCES = [
        'error-messages.json' => 'src/protocol/error-messages.json',
        'tax-rules.json' => 'src/domain/tax/tax-rules.json',
        'simulation-cards.json' => 'src/protocol/simulation-cards.json',
        'helvetica-widths.json' => 'src/receipts/pdf/helvetica-widths.json',
    ];

    /** A host may point at its own copy (e.g. a plugin that ships data/ elsewhere). */
    private static ?string $directory = null;

    public static function useDirectory(?string $directory): void
    {
        self::$directory = $directory;
    }

    public static function path(string $name): string
    {
        $candidates = [];
        if (self::$directory !== null) {
            $candidates[] = rtrim(self::$directory, '/') . '/' . $name;
        }
        $candidates[] = dirname(__DIR__) . '/data/' . $name;
        if (isset(self::SOURCES[$name])) {
            $candidates[] = dirname(__DIR__, 2) . '/' . self::SOURCES[$name];
        }
        foreach ($candidates as $candidate) {
            if (is_file($candidate)) {
                return $candidate;
            }
        }
        throw new \RuntimeException('Guichet data file not found: ' . $name . ' (looked in ' . implode(', ', $candidates) . ')');
    }

    /** @return array<string, mixed> */
    public static function json(string $name): array
    {
        $text = file_get_contents(self::path($name));
        if ($text === false) {
            throw new \RuntimeException('Guichet data file unreadable: ' . $name);
        }
        $data = json_decode($text, true, 512, JSON_THROW_ON_ERROR);
        if (!is_array($data)) {
            throw new \RuntimeException('Guichet data file is not a JSON object: ' . $name);
        }
        return $data;
    }
}
