/**
 * Number of digits of the minor unit of each currency (ISO 4217): one major unit is 10^exponent minor
 * units. Money travels as integers in this unit end to end, so it must also be the unit the payment
 * processor charges in. Where the two disagree the processor wins, because amounts reach it unchanged:
 * - MGA: ISO 4217 says 2, but the iraimbilanja is not in use and Stripe charges whole ariary.
 * ISK keeps its ISO exponent 0; a provider that wants it as a two-decimal value converts at its own edge.
 */
const ZERO_DECIMAL = 'BIF CLP DJF GNF ISK JPY KMF KRW MGA PYG RWF UGX UYI VND VUV XAF XOF XPF';
const THREE_DECIMAL = 'BHD IQD JOD KWD LYD OMR TND';
const FOUR_DECIMAL = 'CLF UYW';
/** Two-decimal currencies Stripe presents, including those of the EU, Switzerland, the Maghreb and Africa. */
const TWO_DECIMAL =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BWP BYN BZD CAD CDF CHF ' +
  'CNY COP CRC CVE CZK DKK DOP DZD EGP ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ' +
  'ILS INR JMD KES KGS KHR KYD KZT LAK LBP LKR LRD LSL MAD MDL MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR ' +
  'MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SEK SGD SHP SLE SOS ' +
  'SRD STN SZL THB TJS TOP TRY TTD TWD TZS UAH USD UYU UZS WST XCD YER ZAR ZMW';

const table: Record<string, number> = {};
for (const [codes, exponent] of [
  [TWO_DECIMAL, 2],
  [ZERO_DECIMAL, 0],
  [THREE_DECIMAL, 3],
  [FOUR_DECIMAL, 4],
] as const) {
  for (const code of codes.split(' ')) table[code] = exponent;
}

export const CURRENCY_EXPONENTS: Readonly<Record<string, number>> = Object.freeze(table);
