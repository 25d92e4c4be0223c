<?php

declare(strict_types=1);

namespace Guichet\Adapter\Receipts\Pdf;

/**
 * Text for the standard Helvetica fonts: UTF-8 → WinAnsiEncoding bytes, glyph widths and line breaking.
 * The TypeScript twin is src/receipts/pdf/win-ansi.ts; both take the same steps so lines break alike.
 */
final class WinAnsi
{
    /** Code points outside Latin-1 that WinAnsi places in 0x80–0x9F. */
    private const HIGH = [
        0x20ac => 0x80, 0x201a => 0x82, 0x0192 => 0x83, 0x201e => 0x84, 0x2026 => 0x85, 0x2020 => 0x86,
        0x2021 => 0x87, 0x02c6 => 0x88, 0x2030 => 0x89, 0x0160 => 0x8a, 0x2039 => 0x8b, 0x0152 => 0x8c,
        0x017d => 0x8e, 0x2018 => 0x91, 0x2019 => 0x92, 0x201c => 0x93, 0x201d => 0x94, 0x2022 => 0x95,
        0x2013 => 0x96, 0x2014 => 0x97, 0x02dc => 0x98, 0x2122 => 0x99, 0x0161 => 0x9a, 0x203a => 0x9b,
        0x0153 => 0x9c, 0x017e => 0x9e, 0x0178 => 0x9f,
    ];

    /** Characters WinAnsi lacks that have a plain stand-in: "2ᵉ étage", "1ᵉʳ", non-breaking and minus hyphens. */
    private const STAND_INS = [0x1d49 => 'e', 0x02b3 => 'r', 0x02e2 => 's', 0x2010 => '-', 0x2011 => '-', 0x2212 => '-'];

    /** The WinAnsi byte for one code point; '' to drop it, '?' when it has none. */
    public static function byte(int $cp): string
    {
        // Line breaks, tabs and the other Unicode spaces become plain spaces; the no-break ones stay unbreakable.
        if ($cp === 0x00a0 || $cp === 0x202f || $cp === 0x2007) {
            return "\xa0";
        }
        if ($cp < 0x20 || ($cp >= 0x2000 && $cp <= 0x200a) || $cp === 0x205f || $cp === 0x3000) {
            return ' ';
        }
        // Soft hyphens, zero-width characters and combining accents (decomposed text) are not drawn.
        if ($cp === 0x00ad || ($cp >= 0x200b && $cp <= 0x200d) || $cp === 0xfeff || ($cp >= 0x0300 && $cp <= 0x036f)) {
            return '';
        }
        if ($cp < 0x7f || ($cp >= 0xa0 && $cp <= 0xff)) {
            return chr($cp);
        }
        return isset(self::HIGH[$cp]) ? chr(self::HIGH[$cp]) : (self::STAND_INS[$cp] ?? '?');
    }

    /** WinAnsi bytes of a UTF-8 text, runs of spaces collapsed and both ends trimmed. */
    public static function encode(string $text): string
    {
        $out = '';
        foreach (self::codePoints($text) as $cp) {
            $out .= self::byte($cp);
        }
        return (string) preg_replace('/^ | $/D', '', (string) preg_replace('/ {2,}/', ' ', $out));
    }

    /**
     * Code points of a UTF-8 text; invalid UTF-8 keeps its ASCII bytes and turns the others into '?'.
     *
     * @return list<int>
     */
    public static function codePoints(string $text): array
    {
        $chars = preg_split('//u', $text, -1, PREG_SPLIT_NO_EMPTY);
        if ($chars === false) {
            return array_map(static fn (string $b): int => ord($b) < 0x80 ? ord($b) : 0x3f, str_split($text));
        }
        $points = [];
        foreach ($chars as $ch) {
            $b = ord($ch[0]);
            switch (strlen($ch)) {
                case 1:
                    $points[] = $b;
                    break;
                case 2:
                    $points[] = (($b & 0x1f) << 6) | (ord($ch[1]) & 0x3f);
                    break;
                case 3:
                    $points[] = (($b & 0x0f) << 12) | ((ord($ch[1]) & 0x3f) << 6) | (ord($ch[2]) & 0x3f);
                    break;
                default:
                    $points[] = (($b & 0x07) << 18) | ((ord($ch[1]) & 0x3f) << 12) | ((ord($ch[2]) & 0x3f) << 6)
                        | (ord($ch[3]) & 0x3f);
            }
        }
        return $points;
    }

    /** Width in points. */
    public static function width(string $bytes, string $font, float $size): float
    {
        return (HelveticaWidths::units($bytes, $font) * $size) / 1000;
    }

    private static function fits(string $bytes, string $font, float $size, float $maxWidth): bool
    {
        return HelveticaWidths::units($bytes, $font) * $size <= $maxWidth * 1000;
    }

    /**
     * Greedy line breaking at spaces; a word wider than the line is cut between characters. More than
     * $maxLines lines are cut with an ellipsis so a page can never overflow.
     *
     * @return list<string>
     */
    public static function wrap(string $bytes, string $font, float $size, float $maxWidth, int $maxLines = 0): array
    {
        $lines = [];
        $line = '';
        foreach ($bytes === '' ? [] : explode(' ', $bytes) as $word) {
            $candidate = $line === '' ? $word : $line . ' ' . $word;
            if (self::fits($candidate, $font, $size, $maxWidth)) {
                $line = $candidate;
                continue;
            }
            if ($line !== '') {
                $lines[] = $line;
            }
            $line = '';
            $length = strlen($word);
            for ($i = 0; $i < $length; $i++) {
                $ch = $word[$i];
                if ($line !== '' && !self::fits($line . $ch, $font, $size, $maxWidth)) {
                    $lines[] = $line;
                    $line = '';
                }
                $line .= $ch;
            }
        }
        if ($line !== '') {
            $lines[] = $line;
        }
        if ($maxLines > 0 && count($lines) > $maxLines) {
            $kept = array_slice($lines, 0, $maxLines);
            $last = $kept[$maxLines - 1];
            while ($last !== '' && !self::fits($last . "\x85", $font, $size, $maxWidth)) {
                $last = substr($last, 0, -1);
            }
            if (substr($last, -1) === ' ') {
                $last = substr($last, 0, -1);
            }
            $kept[$maxLines - 1] = $last . "\x85";
            return $kept;
        }
        return $lines;
    }
}
