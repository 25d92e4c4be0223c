/**
 * Delivers signed events to the configured endpoint, one at a time and in emission order, so a test that
 * awaits `idle()` sees a deterministic sequence. Every attempt is recorded; nothing is retried (tests that
 * want a second delivery ask for it with a redelivery control).
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type Stripe from 'stripe';
import { signatureHeader } from './webhook-signing';

export const DEFAULT_WEBHOOK_SECRET = 'whsec_test_guichet_emulator';
const DELIVERY_TIMEOUT_MS = 5000;
const KEPT_RESPONSE_CHARS = 2000;

export interface WebhookEndpoint {
  url: string | null;
  secret: string;
  /** Event types to send; `*` sends all, as a Stripe endpoint subscribed to everything would. */
  enabledEvents: string[];
}

export interface DeliveryRecord {
  event_id: string;
  event_type: string;
  account: string;
  url: string;
  attempted_at: number;
  signature_header: string;
  status: number | null;
  ok: boolean;
  error: string | null;
  response_body: string | null;
  duration_ms: number;
}

interface PostResult {
  status: number | null;
  body: string | null;
  error: string | null;
}

function post(url: string, payload: string, signature: string): Promise<PostResult> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ status: null, body: null, error: `invalid webhook URL: ${url}` });
      return;
    }
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      target,
      {
        method: 'POST',
        agent: false,
        timeout: DELIVERY_TIMEOUT_MS,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(payload),
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'stripe-signature': signature,
          connection: 'close',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? null,
            body: Buffer.concat(chunks).toString('utf8').slice(0, KEPT_RESPONSE_CHARS),
            error: null,
          }),
        );
        res.on('error', (err) => resolve({ status: res.statusCode ?? null, body: null, error: err.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no response within ${DELIVERY_TIMEOUT_MS} ms`)));
    req.on('error', (err) => resolve({ status: null, body: null, error: err.message }));
    req.end(payload);
  });
}

export class WebhookDispatcher {
  private defaultEndpoint: WebhookEndpoint;
  private readonly perAccount = new Map<string, WebhookEndpoint>();
  private readonly payloads = new Map<string, { payload: string; account: string; type: string }>();
  private readonly records: DeliveryRecord[] = [];
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    initial: Partial<WebhookEndpoint>,
    private readonly wallClock: () => number = () => Math.floor(Date.now() / 1000),
  ) {
    this.defaultEndpoint = {
      url: initial.url ?? null,
      secret: initial.secret ?? DEFAULT_WEBHOOK_SECRET,
      enabledEvents: initial.enabledEvents ?? ['*'],
    };
  }

  endpointFor(account: string): WebhookEndpoint {
    return this.perAccount.get(account) ?? this.defaultEndpoint;
  }

  /** Without an account, changes the endpoint every account uses unless it has its own. */
  configure(update: Partial<WebhookEndpoint>, account?: string): WebhookEndpoint {
    const base = account === undefined ? this.defaultEndpoint : this.endpointFor(account);
    const next = { ...base, ...update };
    if (account === undefined) this.defaultEndpoint = next;
    else this.perAccount.set(account, next);
    return next;
  }

  wants(account: string, type: string): boolean {
    const endpoint = this.endpointFor(account);
    return (
      endpoint.url !== null && (endpoint.enabledEvents.includes('*') || endpoint.enabledEvents.includes(type))
    );
  }

  /** Serialises once, like Stripe, so a redelivery sends byte-identical JSON with a fresh signature. */
  enqueue(account: string, event: Stripe.Event): void {
    const payload = JSON.stringify(event, null, 2);
    this.payloads.set(event.id, { payload, account, type: event.type });
    if (this.wants(account, event.type)) this.schedule(event.id);
  }

  /** Returns false when the event is unknown. */
  redeliver(eventId: string): boolean {
    if (!this.payloads.has(eventId)) return false;
    this.schedule(eventId);
    return true;
  }

  payloadOf(eventId: string): string | undefined {
    return this.payloads.get(eventId)?.payload;
  }

  deliveries(): DeliveryRecord[] {
    return [...this.records];
  }

  /** Resolves once every delivery scheduled so far has finished. */
  async idle(): Promise<void> {
    let seen: Promise<unknown> | undefined;
    while (seen !== this.tail) {
      seen = this.tail;
      await seen;
    }
  }

  /** Forgets events and deliveries; endpoint configuration survives, so a per-test reset keeps the receiver. */
  reset(): void {
    this.payloads.clear();
    this.records.length = 0;
  }

  private schedule(eventId: string): void {
    this.tail = this.tail.then(() => this.deliver(eventId));
  }

  private async deliver(eventId: string): Promise<void> {
    const stored = this.payloads.get(eventId);
    if (stored === undefined) return;
    const endpoint = this.endpointFor(stored.account);
    if (endpoint.url === null) return;
    const timestamp = this.wallClock();
    const signature = signatureHeader(stored.payload, endpoint.secret, timestamp);
    const started = Date.now();
    const result = await post(endpoint.url, stored.payload, signature);
    this.records.push({
      event_id: eventId,
      event_type: stored.type,
      account: stored.account,
      url: endpoint.url,
      attempted_at: timestamp,
      signature_header: signature,
      status: result.status,
      ok: result.status !== null && result.status >= 200 && result.status < 300,
      error: result.error,
      response_body: result.body,
      duration_ms: Date.now() - started,
    });
  }
}
