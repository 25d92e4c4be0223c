/**
 * Idempotency keys for `POST …/orders`: one key per attempt, reused when the same request is sent again
 * after no answer or a server failure (so a lost answer never creates a second order), and replaced once
 * the host has answered for good or the payer has changed something.
 */
export class Attempts {
  /** The request the current key was made for; none once settled. */
  #body: string | null = null;
  #key = '';

  keyFor(body: string): string {
    if (this.#body !== body) {
      this.#body = body;
      this.#key = newKey();
    }
    return this.#key;
  }

  /** The host answered (an order, or a refusal): the next submission is a new attempt. */
  settle(): void {
    this.#body = null;
  }
}

/** 128 random bits in hex. getRandomValues, unlike randomUUID, also exists on plain-HTTP pages. */
export function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
