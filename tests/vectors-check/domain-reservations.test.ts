import { availableSeats, holdExpiresAt } from '../../backend-adapter/src/domain';
import { loadVectors } from './domain-vectors';

interface SeatsCase {
  name: string;
  fn: 'availableSeats' | 'holdExpiresAt';
  input: {
    quota?: number | null;
    sold: number;
    holds: { quantity: number; expiresAt: string }[];
    now: string;
    holdMinutes: number;
  };
  expected: number | null | string;
}

const vectors = loadVectors<SeatsCase>('reservations.json');

describe('reservation vectors', () => {
  it.each(vectors.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const now = new Date(c.input.now);
    if (c.fn === 'holdExpiresAt') {
      expect(holdExpiresAt(now, c.input.holdMinutes).toISOString()).toBe(c.expected);
    } else {
      expect(availableSeats({ quota: c.input.quota, sold: c.input.sold, holds: c.input.holds }, now)).toBe(
        c.expected,
      );
    }
  });
});
