import { CURRENCY_EXPONENTS } from './currencies';

/** The largest amount the protocol carries (MinorAmount.maximum). */
export const MAX_MINOR_AMOUNT = 100_000_000_00;

export function isKnownCurrency(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(CURRENCY_EXPONENTS, code);
}

/**
 * Digits of the currency's minor unit. An unknown code throws: guessing the scale of money would charge
 * a hundred times too much or too little, which is worse than refusing the form.
 */
export function currencyExponent(code: string): number {
  const exponent = CURRENCY_EXPONENTS[code];
  if (exponent === undefined) throw new RangeError(`Unknown currency: ${code}`);
  return exponent;
}

/** An amount the protocol can carry: a non-negative safe integer. */
export function isMinorAmount(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n <= MAX_MINOR_AMOUNT;
}

/** Decimal text of a minor amount ("-2550" in EUR → "-25.50"), built from digits so no float is involved. */
export function toDecimalString(amount: number, currency: string): `${number}` {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Not an integer amount: ${amount}`);
  const exponent = currencyExponent(currency);
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(amount)).padStart(exponent + 1, '0');
  if (exponent === 0) return `${sign}${digits}` as `${number}`;
  const cut = digits.length - exponent;
  return `${sign}${digits.slice(0, cut)}.${digits.slice(cut)}` as `${number}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, currency: string, fractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${currency}|${fractionDigits}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    formatters.set(key, found);
  }
  return found;
}

/**
 * "25,00 €" (fr) or "€25.00" (en), exactly as Intl writes it (fr uses a no-break space before the sign and a
 * narrow no-break space between thousands). `compact` drops a zero minor part: "25 €", but "25,50 €".
 * Intl receives a decimal string, so even amounts beyond 2^53 / 100 are printed exactly.
 */
export function formatMoney(
  amount: number,
  currency: string,
  locale: string,
  opts: { compact?: boolean } = {},
): string {
  const exponent = currencyExponent(currency);
  const wholeOnly = opts.compact === true && amount % 10 ** exponent === 0;
  return formatter(locale, currency, wholeOnly ? 0 : exponent).format(toDecimalString(amount, currency));
}

/** Symbols a payer may type around an amount, besides the ISO code itself. */
const SYMBOLS: Readonly<Record<string, readonly string[]>> = {
  EUR: ['€'],
  USD: ['US$', '$US', '$'],
  CAD: ['CA$', '$CA', '$'],
  GBP: ['£GB', '£'],
  JPY: ['¥'],
  CHF: ['Fr.'],
  XOF: ['F CFA', 'FCFA', 'CFA'],
  XAF: ['F CFA', 'FCFA', 'CFA'],
  MGA: ['Ar'],
  MAD: ['DH'],
};

/** Every Unicode space a keyboard, a paste or Intl itself may produce (NBSP, narrow NBSP, thin space…). */
const SPACES = /[\s\u00a0\u2007\u2009\u202f]+/g;

function stripSymbol(text: string, currency: string): string {
  const candidates = [currency, ...(SYMBOLS[currency] ?? [])];
  for (const symbol of candidates) {
    const upper = symbol.toUpperCase();
    if (text.toUpperCase().startsWith(upper)) return text.slice(symbol.length);
    if (text.toUpperCase().endsWith(upper)) return text.slice(0, text.length - symbol.length);
  }
  return text;
}

/** Digit groups around a grouping mark: 1 to 3 digits first, then exactly 3 each. */
function joinGroups(groups: string[]): string | null {
  if (groups.length === 1) return groups[0] ?? null;
  const [first, ...rest] = groups;
  if (!first || first.length > 3 || rest.some((group) => group.length !== 3)) return null;
  return groups.join('');
}

/**
 * What a payer typed ("25", "25,5", "25.50", "1 000,00", "1'000.50", "25 €") → minor units, or null when
 * it is not an amount: a sign, letters, misplaced groups, or more decimals than the currency has. Pure
 * string work: no float ever holds the amount.
 *
 * The separators: with both '.' and ',' present, the last one is the decimal mark. With one of them
 * present once, it is the decimal mark, except the mark the locale uses for thousands (',' in en, '.' in
 * fr) followed by exactly three digits, which is read as grouping ("1,000" in en, "1.000" in fr).
 * Spaces and apostrophes are grouping marks.
 */
export function parseMoney(text: string, currency: string, locale: string): number | null {
  const exponent = currencyExponent(currency);
  const compact = stripSymbol(text.replace(SPACES, ' ').trim(), currency).trim();
  if (compact === '' || !/^[0-9][0-9 '’.,]*$|^[.,][0-9]+$/.test(compact)) return null;

  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  let decimalMark: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) {
    decimalMark = lastDot > lastComma ? '.' : ',';
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const once = compact.indexOf(mark) === compact.lastIndexOf(mark);
    const localeGrouping = locale.startsWith('en') ? ',' : '.';
    const tail = compact.slice(compact.lastIndexOf(mark) + 1);
    const looksGrouped = mark === localeGrouping && /^[0-9]{3}$/.test(tail);
    decimalMark = once && !looksGrouped ? mark : null;
  }

  let integerText = compact;
  let fraction = '';
  if (decimalMark !== null) {
    const at = compact.lastIndexOf(decimalMark);
    integerText = compact.slice(0, at);
    fraction = compact.slice(at + 1);
    if (!/^[0-9]*$/.test(fraction)) return null;
  }
  if (fraction.length > exponent) return null;

  let integer: string | null = '0';
  if (integerText.trim() !== '') {
    const groups = integerText.split(/[ '’.,]/);
    integer = joinGroups(groups);
  }
  if (integer === null || !/^[0-9]+$/.test(integer)) return null;

  const digits = (integer + fraction.padEnd(exponent, '0')).replace(/^0+(?=[0-9])/, '');
  const amount = Number(digits);
  return Number.isSafeInteger(amount) ? amount : null;
}
