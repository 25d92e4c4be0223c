/**
 * The amount "en toutes lettres" printed on a tax receipt, in traditional French spelling (not the 1990
 * reform's all-hyphens): hyphens only between tens and units below 100 when no "et" joins them ("dix-sept",
 * "vingt et un", "soixante et onze", "quatre-vingt-un"); "vingts" and "cents" take an s only when they end the
 * number or come before "millions"/"milliards" (nouns), never before "mille" (invariable); "un million
 * d'euros". Below one euro only the cents are written ("cinquante centimes"), zero is "zéro euro".
 */

const UNITS = [
  'zéro',
  'un',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
];
const TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

/** 0–99; `final`: nothing follows but a noun, so "quatre-vingts" keeps its s. */
function belowHundred(n: number, final: boolean): string {
  if (n <= 16) return UNITS[n] as string;
  if (n < 20) return `dix-${UNITS[n - 10] as string}`;
  if (n < 70) {
    const tens = TENS[Math.floor(n / 10)] as string;
    const unit = n % 10;
    if (unit === 0) return tens;
    return unit === 1 ? `${tens} et un` : `${tens}-${UNITS[unit] as string}`;
  }
  if (n < 80) return n === 71 ? 'soixante et onze' : `soixante-${belowHundred(n - 60, false)}`;
  if (n === 80) return final ? 'quatre-vingts' : 'quatre-vingt';
  return `quatre-vingt-${belowHundred(n - 80, false)}`;
}

/** 1–999. */
function belowThousand(n: number, final: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const parts: string[] = [];
  if (hundreds === 1) parts.push('cent');
  else if (hundreds > 1) parts.push(`${UNITS[hundreds] as string} ${rest === 0 && final ? 'cents' : 'cent'}`);
  if (rest > 0) parts.push(belowHundred(rest, final));
  return parts.join(' ');
}

/** A whole number > 0, and whether it ends with "million(s)"/"milliard(s)" (then "d'euros"). */
function wholeNumber(n: number): { words: string; endsWithNoun: boolean } {
  const parts: string[] = [];
  let endsWithNoun = false;
  const scales: Array<[number, string]> = [
    [1_000_000_000, 'milliard'],
    [1_000_000, 'million'],
  ];
  let rest = n;
  for (const [size, noun] of scales) {
    const count = Math.floor(rest / size);
    rest %= size;
    if (count === 0) continue;
    parts.push(`${belowThousand(count, true)} ${noun}${count > 1 ? 's' : ''}`);
    endsWithNoun = rest === 0;
  }
  const thousands = Math.floor(rest / 1000);
  rest %= 1000;
  if (thousands === 1) parts.push('mille');
  else if (thousands > 1) parts.push(`${belowThousand(thousands, false)} mille`);
  if (rest > 0) parts.push(belowThousand(rest, true));
  return { words: parts.join(' '), endsWithNoun };
}

/** `amount` in cents of euro (the only currency of a French tax receipt). */
export function amountInWords(amount: number, currency: string): string {
  if (currency !== 'EUR') throw new RangeError(`Amounts in words are written in euros only, not ${currency}`);
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`Not an amount in cents: ${amount}`);
  const euros = Math.floor(amount / 100);
  if (euros >= 1_000_000_000_000) throw new RangeError(`Too large to write in words: ${amount}`);
  const cents = amount % 100;
  const centsText = cents === 0 ? '' : `${belowHundred(cents, true)} centime${cents > 1 ? 's' : ''}`;
  if (euros === 0) return cents === 0 ? 'zéro euro' : centsText;
  const { words, endsWithNoun } = wholeNumber(euros);
  const unit = endsWithNoun ? "d'euros" : euros === 1 ? 'euro' : 'euros';
  return cents === 0 ? `${words} ${unit}` : `${words} ${unit} et ${centsText}`;
}
