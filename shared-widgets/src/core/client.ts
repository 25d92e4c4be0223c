import type { ErrorResponse } from '../../../backend-adapter/src/protocol/errors';
import type { FormDefinition } from '../../../backend-adapter/src/protocol/form';
import type { OrderRequest } from '../../../backend-adapter/src/protocol/order-request';
import type { OrderCreated, OrderStatus } from '../../../backend-adapter/src/protocol/order-response';
import { IDEMPOTENCY_HEADER, ROUTES } from '../../../backend-adapter/src/protocol/routes';
import type { Locale } from '../../../backend-adapter/src/protocol/common';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** A request that did not succeed: `network` when no answer came, otherwise the protocol's error body. */
export class ProtocolError extends Error {
  // Declared, not parameter properties: those would also be written as empty class fields first.
  declare readonly status: number;
  declare readonly body: ErrorResponse['error'] | null;

  constructor(status: number, body: ErrorResponse['error'] | null) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** Protocol v1 as seen from the browser: one instance per element, bound to its host and language. */
export class ProtocolClient {
  readonly #base: string;
  /** The payer's language: the host answers in it. */
  declare readonly locale: Locale;
  readonly #fetcher: Fetch;

  constructor(base: string, locale: Locale, fetcher: Fetch = (input, init) => fetch(input, init)) {
    this.#base = new URL(base.replace(/\/+$/, ''), document.baseURI).href;
    this.locale = locale;
    this.#fetcher = fetcher;
  }

  /** URLs the host hands out (confirmUrl, challengeUrl) may be absolute or relative to the base. */
  resolve(path: string): string {
    // A scheme, as far as the host's URLs go (http, https).
    return /^\w+:/.test(path) ? path : this.#base + path;
  }

  form(formId: string): Promise<FormDefinition> {
    return this.send('GET', `${ROUTES.form(formId)}?locale=${this.locale}`);
  }

  createOrder(formId: string, request: OrderRequest, idempotencyKey: string): Promise<OrderCreated> {
    return this.send('POST', ROUTES.createOrder(formId), request, { [IDEMPOTENCY_HEADER]: idempotencyKey });
  }

  order(orderId: string, token: string): Promise<OrderStatus> {
    return this.send('GET', ROUTES.order(orderId, token));
  }

  /**
   * One request; `path` is a route or a URL the host gave (the simulation's step posts its test card and
   * 3-D Secure answer this way).
   */
  async send<T>(
    method: string,
    path: string,
    body?: object,
    headers: Record<string, string> = {},
  ): Promise<T> {
    let response: Response;
    try {
      response = await this.#fetcher(this.resolve(path), {
        method,
        headers: {
          Accept: 'application/json',
          'Accept-Language': this.locale,
          // Only with a body: a GET stays a simple request, without a CORS preflight.
          ...(body ? { 'Content-Type': 'application/json' } : {}),
          ...headers,
        },
        body: body ? JSON.stringify(body) : undefined,
        credentials: 'omit',
      });
    } catch {
      throw new ProtocolError(0, null);
    }
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = (json as Partial<ErrorResponse> | null)?.error;
      throw new ProtocolError(response.status, error && typeof error.code === 'string' ? error : null);
    }
    return json as T;
  }
}
