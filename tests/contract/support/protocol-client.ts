import { ROUTES } from '../../../backend-adapter/src/protocol';

// Bodies are whatever the host answered: scenarios read them as the protocol says and assert on them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface HttpAnswer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** The protocol's calls, as a widget makes them, answering status, parsed JSON body and headers. */
export class ProtocolClient {
  constructor(readonly base: string) {}

  getForm(formId: string, opts: { locale?: string; acceptLanguage?: string } = {}): Promise<HttpAnswer> {
    const query = opts.locale ? `?locale=${opts.locale}` : '';
    return this.call(
      'GET',
      `${ROUTES.form(formId)}${query}`,
      undefined,
      header('accept-language', opts.acceptLanguage),
    );
  }

  createOrder(
    formId: string,
    body: unknown,
    opts: { key?: string; raw?: string; contentType?: string; acceptLanguage?: string } = {},
  ): Promise<HttpAnswer> {
    return this.call('POST', ROUTES.createOrder(formId), opts.raw ?? JSON.stringify(body), {
      'content-type': opts.contentType ?? 'application/json',
      ...header('idempotency-key', opts.key),
      ...header('accept-language', opts.acceptLanguage),
    });
  }

  getOrder(orderId: string, token: string, locale?: string): Promise<HttpAnswer> {
    return this.call('GET', `${ROUTES.order(orderId, token)}${locale ? `&locale=${locale}` : ''}`);
  }

  /** The simulation's confirm URL is absolute (`next.confirmUrl`): used as given, like a widget does. */
  async confirm(confirmUrl: string, body: unknown): Promise<HttpAnswer> {
    return this.send('POST', confirmUrl, JSON.stringify(body), { 'content-type': 'application/json' });
  }

  webhook(provider: string, raw: string, headers: Record<string, string>): Promise<HttpAnswer> {
    return this.call('POST', ROUTES.webhook(provider), raw, {
      'content-type': 'application/json',
      ...headers,
    });
  }

  call(
    method: string,
    path: string,
    body?: string,
    headers: Record<string, string> = {},
  ): Promise<HttpAnswer> {
    return this.send(method, `${this.base}${path}`, body, headers);
  }

  async send(
    method: string,
    url: string,
    body?: string,
    headers: Record<string, string> = {},
  ): Promise<HttpAnswer> {
    const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text, the assertion will say so
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }
}

const header = (name: string, value: string | undefined): Record<string, string> =>
  value === undefined ? {} : { [name]: value };

/** A fresh Idempotency-Key, as widgets make them: 32 hex digits. */
export const newKey = () =>
  [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
