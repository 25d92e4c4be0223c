/**
 * Stripe's Idempotency-Key semantics (https://docs.stripe.com/api/idempotent_requests): per account, the
 * first result of a POST is stored and replayed for the same key with header `idempotent-replayed: true`;
 * the same key with other parameters or another endpoint is a 400 `idempotency_error`. Requests rejected by
 * parameter validation are not stored, so they can be corrected and retried with the same key.
 */
import { idempotencyError, invalidRequest } from './errors';
import type { FormObject } from './form-body';

const MAX_KEY_LENGTH = 255;
/** Stripe prunes keys after at least 24 hours. */
const RETENTION_SECONDS = 24 * 60 * 60;

export interface StoredResponse {
  status: number;
  body: string;
  requestId: string;
}

interface Entry {
  endpoint: string;
  fingerprint: string;
  response: StoredResponse;
  storedAt: number;
}

/** Key order in a form body is not meaningful, so params are compared in a canonical form. */
function canonical(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`)
    .join(',')}}`;
}

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number) {}

  /** The stored response to replay, or null when the request should run. Throws on misuse of a key. */
  lookup(account: string, key: string, endpoint: string, params: FormObject): StoredResponse | null {
    if (key.length > MAX_KEY_LENGTH) {
      throw invalidRequest(
        `Idempotency-Key must be at most ${MAX_KEY_LENGTH} characters long.`,
        'Idempotency-Key',
      );
    }
    const entry = this.entries.get(`${account} ${key}`);
    if (entry === undefined || this.now() - entry.storedAt > RETENTION_SECONDS) return null;
    if (entry.endpoint !== endpoint) {
      throw idempotencyError(
        `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${entry.endpoint}' vs '${endpoint}'). Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    }
    if (entry.fingerprint !== canonical(params)) {
      throw idempotencyError(
        `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    }
    return entry.response;
  }

  remember(
    account: string,
    key: string,
    endpoint: string,
    params: FormObject,
    response: StoredResponse,
  ): void {
    this.entries.set(`${account} ${key}`, {
      endpoint,
      fingerprint: canonical(params),
      response,
      storedAt: this.now(),
    });
  }

  reset(): void {
    this.entries.clear();
  }
}
