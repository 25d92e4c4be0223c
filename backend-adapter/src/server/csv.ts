import type { Locale } from '../protocol';

/**
 * CSV for spreadsheets, decided once for every export:
 * - UTF-8 with a BOM, so Excel and LibreOffice read accents right when the file is double-clicked;
 * - French exports (the default) use `;` and a decimal comma (`25,00`), which French Excel expects; English
 *   ones use `,` and a decimal point;
 * - CRLF line ends (RFC 4180), fields quoted when they hold the separator, a quote or a line break;
 * - formula injection: a text cell starting with = + - @ (or a tab or carriage return) gets a leading `'`, so a
 *   spreadsheet shows it as text instead of running it. Amounts are written by us and never prefixed.
 */
export interface CsvDialect {
  separator: ';' | ',';
  decimal: ',' | '.';
}

export const csvDialect = (locale: Locale): CsvDialect =>
  locale === 'fr' ? { separator: ';', decimal: ',' } : { separator: ',', decimal: '.' };

export const BOM = '\uFEFF';

/** A cell that is ours (an amount, a date): not escaped against formulas, only quoted if needed. */
export class Trusted {
  constructor(readonly text: string) {}
}

export type Cell = string | number | null | undefined | Trusted;

const RISKY_START = /^[=+\-@\t\r]/;

export function csvCell(value: Cell, dialect: CsvDialect): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (value instanceof Trusted) text = value.text;
  else if (typeof value === 'number') text = String(value);
  else text = RISKY_START.test(value) ? `'${value}` : value;
  return /["\r\n]/.test(text) || text.includes(dialect.separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: readonly Cell[], dialect: CsvDialect) =>
  `${cells.map((c) => csvCell(c, dialect)).join(dialect.separator)}\r\n`;

/** Minor units as a decimal number in the dialect (2500 EUR → `25,00` or `25.00`). */
export function csvAmount(minor: number, exponent: number, dialect: CsvDialect): Trusted {
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const whole = exponent ? digits.slice(0, -exponent) : digits;
  const fraction = exponent ? `${dialect.decimal}${digits.slice(-exponent)}` : '';
  return new Trusted(`${sign}${whole}${fraction}`);
}

/** `2026-11-23 14:05:12`, in UTC: what spreadsheets parse as a date in every locale. */
export const csvDate = (date: Date | null): Trusted | null =>
  date ? new Trusted(date.toISOString().slice(0, 19).replace('T', ' ')) : null;

export interface CsvColumn<T> {
  header: Record<Locale, string>;
  value: (row: T, dialect: CsvDialect) => Cell;
}

/** The whole file as a stream of chunks: the header, then rows page after page, never all in memory. */
export async function* csvLines<T>(
  columns: readonly CsvColumn<T>[],
  pages: AsyncIterable<readonly T[]>,
  locale: Locale,
): AsyncGenerator<string> {
  const dialect = csvDialect(locale);
  yield (
    BOM +
    csvRow(
      columns.map((c) => c.header[locale]),
      dialect,
    )
  );
  for await (const page of pages) {
    let chunk = '';
    for (const row of page)
      chunk += csvRow(
        columns.map((c) => c.value(row, dialect)),
        dialect,
      );
    if (chunk) yield chunk;
  }
}
