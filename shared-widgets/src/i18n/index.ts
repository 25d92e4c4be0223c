import type { Locale } from '../../../backend-adapter/src/protocol/common';
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

/** A language as a form's chunk carries it: its strings and its part of the protocol's error catalogue. */
export interface Language {
  default: Catalogue;
  errors: { messages: Record<string, Partial<Record<Locale, string>>> };
}

/**
 * The strings one kind of form shows: the common ones and the kind's own. Typed as the whole catalogue
 * because the kind's code only asks for these keys (its unit tests draw every part of it).
 */
export function language(
  common: Partial<Catalogue>,
  own: Partial<Catalogue>,
  errors: Language['errors'],
): Language {
  return { default: { ...common, ...own } as Catalogue, errors };
}

const fill = (text: string, params: Params = {}) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );

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
    error: (code, params) => fill(errors.messages[code]?.[locale] ?? code, params),
  };
}
