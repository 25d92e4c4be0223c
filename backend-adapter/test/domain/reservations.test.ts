import { availableSeats, canHold, holdExpiresAt, isHoldActive } from '../../src/domain/reservations';

const now = new Date('2026-06-15T10:00:00Z');

describe('seat holds', () => {
  it('accepts Date expiries as well as RFC 3339 text', () => {
    expect(isHoldActive({ quantity: 1, expiresAt: new Date('2026-06-15T10:00:01Z') }, now)).toBe(true);
    expect(isHoldActive({ quantity: 1, expiresAt: '2026-06-15T09:59:59Z' }, now)).toBe(false);
  });

  it('frees the seats of a hold once its expiry passes', () => {
    const expiresAt = holdExpiresAt(now, 30);
    const count = { quota: 2, sold: 0, holds: [{ quantity: 2, expiresAt }] };
    expect(availableSeats(count, now)).toBe(0);
    expect(availableSeats(count, new Date(expiresAt.getTime() - 1))).toBe(0);
    expect(availableSeats(count, expiresAt)).toBe(2);
  });

  it('refuses a hold that would take more seats than are left, never an unlimited type', () => {
    const count = { quota: 10, sold: 7, holds: [{ quantity: 1, expiresAt: holdExpiresAt(now, 30) }] };
    expect(canHold(count, 2, now)).toBe(true);
    expect(canHold(count, 3, now)).toBe(false);
    expect(canHold({ sold: 10_000, holds: [] }, 500, now)).toBe(true);
  });
});
