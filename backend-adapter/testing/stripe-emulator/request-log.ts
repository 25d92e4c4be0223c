/**
 * A record of every /v1 request, for tests that assert on what an adapter sent (an Idempotency-Key derived
 * from the form submission, the pinned Stripe-Version, no unexpected calls).
 */
import type { FormObject } from './form-body';

export interface RequestLogEntry {
  request_id: string;
  method: string;
  path: string;
  account: string | null;
  idempotency_key: string | null;
  stripe_version: string | null;
  params: FormObject;
  status: number;
  idempotent_replayed: boolean;
  at: number;
}

export class RequestLog {
  private readonly entries: RequestLogEntry[] = [];

  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
  }

  all(): RequestLogEntry[] {
    return [...this.entries];
  }

  reset(): void {
    this.entries.length = 0;
  }
}
