/**
 * The emulator's notion of "now" for object timestamps (created, expires_at, billing periods). Tests can move
 * it forward to reach a session's expiry or a renewal date without waiting. Webhook signatures do NOT use
 * it: they are signed with the real time, because the receiver checks them against its own clock.
 */
export interface Clock {
  now(): number;
  advance(seconds: number): void;
  offset(): number;
  reset(): void;
}

export function createClock(source: () => number = () => Math.floor(Date.now() / 1000)): Clock {
  let offset = 0;
  return {
    now: () => source() + offset,
    advance: (seconds) => {
      offset += seconds;
    },
    offset: () => offset,
    reset: () => {
      offset = 0;
    },
  };
}
