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
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Not an amount: ${amount}`);
  const exponent = currencyExponent(currency);
  const digits = String(Math.abs(amount)).padStart(exponent + 1, '0');
  const cut = digits.length - exponent;
  const sign = amount < 0 ? '-' : '';
  return `${sign}${digits.slice(0, cut)}${exponent ? '.' : ''}${digits.slice(cut)}` as `${number}`;
}

const formatters: Record<string, Intl.NumberFormat> = {};

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
  const digits = opts.compact === true && amount % 10 ** exponent === 0 ? 0 : exponent;
  // Building a formatter costs far more than using one: one per locale, currency and precision.
  const format = (formatters[`${locale}|${currency}|${digits}`] ??= new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }));
  return format.format(toDecimalString(amount, currency));
}

/** Symbols a payer may type around an amount besides the ISO code, as regular-expression alternatives. */
const SYMBOLS: Readonly<Record<string, string>> = {
  EUR: '€',
  USD: 'US\\$|\\$US|\\$',
  CAD: 'CA\\$|\\$CA|\\$',
  GBP: '£GB|£',
  JPY: '¥',
  CHF: 'Fr\\.',
  XOF: 'F CFA|FCFA|CFA',
  XAF: 'F CFA|FCFA|CFA',
  MGA: 'Ar',
  MAD: 'DH',
};

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
  // The code or one symbol, at either end ("25 €", "EUR 25"); with no symbols, the code twice.
  const symbol = `${currency}|${SYMBOLS[currency] ?? currency}`;
  const compact = text
    // \s covers every Unicode space a keyboard, a paste or Intl may produce (NBSP, narrow NBSP, thin…).
    .replace(/\s+/g, ' ')
    .trim()
    .replace(new RegExp(`^(?:${symbol})|(?:${symbol})$`, 'i'), '')
    .trim();
  const marks = compact.replace(/[^.,]/g, '');
  const at = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','));
  const tail = compact.slice(at + 1);
  const decimal =
    marks.length === 1
      ? !(marks === (locale.startsWith('en') ? ',' : '.') && /^\d{3}$/.test(tail))
      : /\.,|,\./.test(marks);
  const [integer, fraction] = decimal ? [compact.slice(0, at), tail] : [compact, ''];
  if (
    !/\d/.test(compact) ||
    // One run of digits, or one to three then groups of three; nothing before a leading decimal mark.
    !/^(\d+|\d{1,3}([ '’.,]\d{3})+)?$/.test(integer) ||
    !new RegExp(`^\\d{0,${exponent}}$`).test(fraction)
  )
    return null;
  const amount = Number(integer.replace(/\D/g, '') + fraction.padEnd(exponent, '0'));
  return Number.isSafeInteger(amount) ? amount : null;
}
