/** Euros as an editor types them ("15", "15,50", "1 000") to minor units, and back; null when unreadable. */
export function toMinor(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [units, cents = ''] = cleaned.split('.');
  return Number(units) * 100 + Number(cents.padEnd(2, '0'));
}

export function fromMinor(amount: number): string {
  const units = Math.floor(amount / 100);
  const cents = amount % 100;
  return cents === 0 ? String(units) : `${units},${String(cents).padStart(2, '0')}`;
}

/** A list like "15; 30; 50" (semicolons, since commas are decimal separators in French). */
export function toMinorList(text: string): number[] {
  return text
    .split(/[;|\n]/)
    .map((part) => toMinor(part.trim()))
    .filter((amount): amount is number => amount !== null && amount > 0);
}

export function fromMinorList(amounts: number[]): string {
  return amounts.map(fromMinor).join('; ');
}
