<?php

declare(strict_types=1);

namespace Guichet\Adapter\Receipts\Pdf;

use Guichet\Adapter\DataFiles;

/**
 * Glyph widths of Helvetica and Helvetica-Bold for WinAnsi codes 32–255, read from the JSON file the
 * TypeScript renderer imports (src/receipts/pdf/helvetica-widths.json), so both wrap lines identically.
 */
final class HelveticaWidths
{
    /** @var array<string, list<int>>|null */
    private static ?array $tables = null;

    /** Width of WinAnsi bytes in 1/1000 of the font size. */
    public static function units(string $bytes, string $font): int
    {
        $table = self::tables()[$font];
        $units = 0;
        $length = strlen($bytes);
        for ($i = 0; $i < $length; $i++) {
            $units += $table[ord($bytes[$i]) - 32] ?? 0;
        }
        return $units;
    }

    /** @return array<string, list<int>> */
    private static function tables(): array
    {
        if (self::$tables === null) {
            $text = file_get_contents(DataFiles::path('helvetica-widths.json'));
            $data = json_decode($text === false ? '' : $text, true, 8, JSON_THROW_ON_ERROR);
            self::$tables = ['Helvetica' => $data['Helvetica'], 'Helvetica-Bold' => $data['Helvetica-Bold']];
        }
        return self::$tables;
    }
}
