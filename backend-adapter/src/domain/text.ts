import type { Locale, LocalizedText } from '../protocol';

/**
 * The editor's text in the payer's language: the requested locale first, then French (the language most
 * editors write in), then English, then whatever is there. An empty string counts as missing.
 */
export function resolveText(text: LocalizedText | undefined, locale: Locale): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  for (const candidate of [text[locale], text.fr, text.en, ...Object.values(text)]) {
    if (typeof candidate === 'string' && candidate !== '') return candidate;
  }
  return '';
}

/** Like resolveText, but keeps "absent" absent so optional public fields stay optional. */
export function resolveOptionalText(text: LocalizedText | undefined, locale: Locale): string | undefined {
  if (text === undefined) return undefined;
  return resolveText(text, locale);
}
