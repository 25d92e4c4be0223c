<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain;

/** The editor's LocalizedText in the payer's language (domain/text.ts). */
final class Text
{
    /**
     * The requested locale first, then French (the language most editors write in), then English, then
     * whatever is there. An empty string counts as missing.
     * @param string|array<string, string>|null $text
     */
    public static function resolve($text, string $locale): string
    {
        if ($text === null) {
            return '';
        }
        if (is_string($text)) {
            return $text;
        }
        $candidates = [$text[$locale] ?? null, $text['fr'] ?? null, $text['en'] ?? null];
        foreach ($text as $value) {
            $candidates[] = $value;
        }
        foreach ($candidates as $candidate) {
            if (is_string($candidate) && $candidate !== '') {
                return $candidate;
            }
        }
        return '';
    }

    /** @param string|array<string, string>|null $text */
    public static function resolveOptional($text, string $locale): ?string
    {
        return $text === null ? null : self::resolve($text, $locale);
    }
}
