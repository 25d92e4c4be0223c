import type { Locale } from '../../../backend-adapter/src/protocol/common';
import type { WidgetErrorCode } from '../core/messages';
import type { Catalogue, Params, Plural, PluralKey, TextKey } from './catalogue';

export type { Catalogue, Params, PluralKey, TextKey } from './catalogue';

export interface I18n {
  readonly locale: Locale;
  /** The catalogue as the form's chunk carries it (see plural()). */
  readonly strings: Catalogue;
  /** The string for `key` with `{placeholders}` filled. */
  t(key: TextKey, params?: Params): string;
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

// replace() writes a number as text itself.
const fill = (text: string, params: Params = {}) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] ?? whole) as string);

export function i18n(locale: Locale, { default: strings, errors }: Language): I18n {
  return {
    locale,
    strings,
    t: (key, params) => fill(strings[key], params),
    error: (code, params) => fill(errors.messages[code]?.[locale] ?? code, params),
  };
}

/**
 * The plural form of `key` for `count` (Intl.PluralRules), `#` replaced by the formatted count. Apart from
 * I18n so that only the forms that count something (tickets) carry it.
 */
export function plural(i18n: I18n, key: PluralKey, count: number, params?: Params): string {
  const forms: Plural = i18n.strings[key];
  const form = forms[new Intl.PluralRules(i18n.locale).select(count)] ?? forms.other;
  return fill(form.replace(/#/g, new Intl.NumberFormat(i18n.locale).format(count)), params);
}
