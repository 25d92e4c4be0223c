/**
 * Receipts live in the French calendar: the series year and every date printed on a receipt are read in
 * Europe/Paris, whatever the server's time zone (a gift at 00:30 on 1 January in Paris is next year's).
 */

const PARIS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `YYYY-MM-DD` of the instant in Europe/Paris. */
export function parisDate(at: Date): string {
  if (Number.isNaN(at.getTime())) throw new RangeError('Invalid date');
  const parts = Object.fromEntries(PARIS.formatToParts(at).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The receipt series (calendar year in Europe/Paris) an instant belongs to. */
export function receiptYear(at: Date): number {
  return Number(parisDate(at).slice(0, 4));
}
