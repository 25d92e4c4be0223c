import type { Locale } from '../../../backend-adapter/src/protocol/common';
import { loadEnglish, loadFrench } from '../core/chunks';
import type { WidgetErrorCode } from '../core/messages';
import type { Catalogue, Params, Plural, PluralKey, TextKey } from './catalogue';

export type { Catalogue, Params, PluralKey, TextKey } from './catalogue';

export interface I18n {
  readonly locale: Locale;
  /** The string for `key` with `{placeholders}` filled. */
  t(key: TextKey, params?: Params): string;
  /** The plural form of `key` for `count` (Intl.PluralRules), `#` replaced by the formatted count. */
  n(key: PluralKey, count: number, params?: Params): string;
  /** The protocol catalogue's message for an error the widget found itself. */
  error(code: WidgetErrorCode, params?: Params): string;
}

/** A language's chunk: its strings and its part of the protocol's error catalogue. */
export interface Language {
  default: Catalogue;
  errors: Record<string, Partial<Record<Locale, string>>>;
}

const fill = (text: string, params: Params = {}) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );

/** `fr` unless the language tag is English ("en", "en-GB"…): the widgets speak these two. */
export function toLocale(tag: string | null | undefined): Locale {
  return tag && /^en\b/i.test(tag) ? 'en' : 'fr';
}

/** Each language is a chunk of its own: a page in French never downloads the English strings. */
export function loadLanguage(locale: Locale): Promise<Language> {
  return locale === 'en' ? loadEnglish() : loadFrench();
}

export function i18n(locale: Locale, { default: catalogue, errors }: Language): I18n {
  const rules = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  return {
    locale,
    t: (key, params) => fill(catalogue[key], params),
    n: (key, count, params) => {
      const forms: Plural = catalogue[key];
      const form = forms[rules.select(count)] ?? forms.other;
      return fill(form.replace(/#/g, numbers.format(count)), params);
    },
    error: (code, params) => fill(errors[code]?.[locale] ?? code, params),
  };
}
