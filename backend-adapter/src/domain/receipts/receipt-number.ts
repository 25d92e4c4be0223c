/**
 * Tax receipts (cerfa 11580*05) are numbered in a gapless series per calendar year that never reuses a
 * number: 2026-00001, 2026-00002… The host's storage takes the next sequence atomically; these rules say
 * what that number is, how it is written, and how an audit finds holes or duplicates. A correction is a
 * new receipt (next number) that names the one it replaces; the old number stays used.
 */
export interface ReceiptNumber {
  year: number;
  sequence: number;
}

const PATTERN = /^(?:([A-Z]{1,8})-)?(\d{4})-(\d{5,})$/;

/** "2026-00042", or "RF-2026-00042" with the association's prefix. At least five digits, more when needed. */
export function formatReceiptNumber(number: ReceiptNumber, prefix?: string): string {
  if (!Number.isSafeInteger(number.sequence) || number.sequence < 1) {
    throw new RangeError(`Receipt sequences start at 1: ${number.sequence}`);
  }
  if (prefix !== undefined && !/^[A-Z]{1,8}$/.test(prefix))
    throw new RangeError(`Bad receipt prefix: ${prefix}`);
  const body = `${number.year}-${String(number.sequence).padStart(5, '0')}`;
  return prefix === undefined ? body : `${prefix}-${body}`;
}

export function parseReceiptNumber(text: string): (ReceiptNumber & { prefix?: string }) | null {
  const match = PATTERN.exec(text);
  if (!match) return null;
  const sequence = Number(match[3]);
  if (!Number.isSafeInteger(sequence) || sequence < 1) return null;
  const parsed: ReceiptNumber & { prefix?: string } = { year: Number(match[2]), sequence };
  if (match[1] !== undefined) parsed.prefix = match[1];
  return parsed;
}

/** The number after the last one issued in `year` (null: none yet, so the series starts at 1). */
export function nextReceiptNumber(year: number, lastIssued: number | null): ReceiptNumber {
  return { year, sequence: (lastIssued ?? 0) + 1 };
}

/** For an audit of one year's series: sequences that are missing below the highest, and those used twice. */
export function auditReceiptSeries(sequences: readonly number[]): {
  missing: number[];
  duplicates: number[];
} {
  const seen = new Set<number>();
  const duplicates = new Set<number>();
  for (const sequence of sequences) {
    if (seen.has(sequence)) duplicates.add(sequence);
    seen.add(sequence);
  }
  const highest = Math.max(0, ...seen);
  const missing: number[] = [];
  for (let sequence = 1; sequence <= highest; sequence += 1) if (!seen.has(sequence)) missing.push(sequence);
  return { missing, duplicates: [...duplicates].sort((a, b) => a - b) };
}
