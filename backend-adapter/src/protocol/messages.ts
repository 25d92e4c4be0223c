import catalogue from './error-messages.json';
import type { Locale } from './common';

/** The FR/EN error catalogue and its lookups, with no runtime dependency (the widgets bundle this file). */
export type ErrorCode = keyof typeof catalogue.messages;
export const ERROR_CODES = Object.keys(catalogue.messages) as ErrorCode[];

export type MessageParams = Record<string, string | number>;

/** Strips list indexes so `tickets.items.0.quantity` finds the label of `tickets.items.quantity`. */
export function fieldLabel(field: string, locale: Locale): string {
  const key = field.replace(/\.\d+(?=\.|$)/g, '') as keyof typeof catalogue.fields;
  const labels = catalogue.fields[key];
  return labels ? labels[locale] : field;
}

/** The catalogue message for `code` in `locale`, with `{placeholders}` filled (`{field}` from the field's label). */
export function errorMessage(
  code: ErrorCode,
  locale: Locale,
  params: MessageParams = {},
  field?: string,
): string {
  const template = catalogue.messages[code][locale];
  const values: MessageParams = { ...params };
  if (field !== undefined && values.field === undefined) values.field = fieldLabel(field, locale);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    values[name] === undefined ? whole : String(values[name]),
  );
}

export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(catalogue.messages, code);
}
