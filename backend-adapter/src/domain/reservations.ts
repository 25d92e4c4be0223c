/**
 * Seats for a ticket type: a hold is taken when an order is created and counts against the quota until it
 * expires, is released (payment failed or expired) or turns into a sale.
 */
export interface Hold {
  quantity: number;
  /** RFC 3339 text or a Date: the instant the hold stops counting. */
  expiresAt: string | Date;
}

export interface SeatCount {
  /** Seats for sale; undefined or null: unlimited. */
  quota?: number | null;
  sold: number;
  holds: readonly Hold[];
}

function instant(value: string | Date): number {
  return typeof value === 'string' ? Date.parse(value) : value.getTime();
}

/** A hold counts until its expiry instant, exclusive: at `expiresAt` the seat is free again. */
export function isHoldActive(hold: Hold, now: Date): boolean {
  return now.getTime() < instant(hold.expiresAt);
}

export function activeHeld(holds: readonly Hold[], now: Date): number {
  return holds.reduce((sum, hold) => (isHoldActive(hold, now) ? sum + hold.quantity : sum), 0);
}

/** quota − sold − active holds, never below zero; null for an unlimited type. */
export function availableSeats(count: SeatCount, now: Date): number | null {
  if (count.quota === undefined || count.quota === null) return null;
  return Math.max(0, count.quota - count.sold - activeHeld(count.holds, now));
}

/** When a hold taken at `now` lapses. */
export function holdExpiresAt(now: Date, holdMinutes: number): Date {
  return new Date(now.getTime() + holdMinutes * 60_000);
}

/** Whether `quantity` more seats can be held now. */
export function canHold(count: SeatCount, quantity: number, now: Date): boolean {
  const available = availableSeats(count, now);
  return available === null || quantity <= available;
}
