import { OrderError } from '../orders';

/**
 * A token bucket per key (the client IP): `burst` requests at once, then `perMinute` a minute. Small and
 * in-process on purpose: one association's order form needs no shared store, only a brake on card testing.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Takes a token; answers how many seconds to wait when there is none. */
  take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.clock();
    const ratePerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * ratePerMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.prune(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000)) };
  }

  /** Forgets buckets that have refilled: they would behave exactly like new ones. */
  private prune(now: number): void {
    const full = this.burst / (this.perMinute / 60_000);
    for (const [key, bucket] of this.buckets) if (now - bucket.at >= full) this.buckets.delete(key);
  }
}

/**
 * The brake on starting orders, per client IP. One instance per host: the JSON routes and the no-JS routes
 * draw from the same buckets, so switching between them never doubles a payer's allowance.
 */
export function orderThrottle(limits: {
  ordersPerMinute: number;
  ordersBurst: number;
}): (ip: string) => void {
  const buckets = new TokenBuckets(limits.ordersPerMinute, limits.ordersBurst);
  return (ip) => {
    const taken = buckets.take(ip);
    if (!taken.ok) {
      throw new OrderError('rate_limited', {
        retryable: true,
        params: { retryAfter: taken.retryAfterSeconds },
      });
    }
  };
}
