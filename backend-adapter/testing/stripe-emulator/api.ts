/**
 * The /v1 request pipeline: authenticate, check the pinned Stripe-Version, parse the form parameters,
 * apply idempotency, run the route, answer in Stripe's format and log the exchange.
 */
import type { IncomingMessage } from 'node:http';
import { API_VERSION } from './api-version';
import type { ApiRoute, EmulatorContext } from './context';
import { authenticate } from './auth';
import { EmulatorError, invalidRequest } from './errors';
import { parseFormBody, type FormObject } from './form-body';
import { sweepExpiredSessions } from './flows/checkout';
import type { IdempotencyStore } from './idempotency';
import { newId } from './ids';
import { Params } from './params';
import type { RequestLog } from './request-log';
import { matchRoute } from './router';

export interface ApiOptions {
  apiKeys: readonly string[] | undefined;
  /** Reject requests whose Stripe-Version header names another version than the SDK's. */
  strictApiVersion: boolean;
}

export interface ApiDeps {
  ctx: EmulatorContext;
  routes: readonly ApiRoute[];
  idempotency: IdempotencyStore;
  requests: RequestLog;
  options: ApiOptions;
}

export interface ApiResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function errorBody(error: unknown): { status: number; body: unknown } {
  if (error instanceof EmulatorError) return { status: error.status, body: error.toBody() };
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, body: { error: { type: 'api_error', message: `Emulator bug: ${message}` } } };
}

/** Stripe only stores results once the endpoint ran: successes, card declines and server errors. */
function storesIdempotentResult(status: number): boolean {
  return status < 400 || status === 402 || status >= 500;
}

function readParams(req: IncomingMessage, url: URL, rawBody: string): FormObject {
  if (req.method === 'POST') {
    if ((header(req, 'content-type') ?? '').includes('json')) {
      throw invalidRequest('The Stripe API takes application/x-www-form-urlencoded bodies, not JSON.');
    }
    return parseFormBody(rawBody);
  }
  return parseFormBody(url.search.slice(1));
}

/** What is known about a request as it goes through the pipeline; logged whatever the outcome. */
interface Exchange {
  requestId: string;
  method: string;
  idempotencyKey: string | null;
  stripeVersion: string | null;
  accountId: string | null;
  params: FormObject;
  replayed: boolean;
}

function runRoute(
  deps: ApiDeps,
  req: IncomingMessage,
  url: URL,
  rawBody: string,
  exchange: Exchange,
): ApiResponse {
  const { ctx, idempotency, options } = deps;
  const headers: Record<string, string> = { 'request-id': exchange.requestId, 'stripe-version': API_VERSION };
  const apiKey = authenticate(header(req, 'authorization'), options.apiKeys);
  const account = ctx.store.accountFor(apiKey);
  exchange.accountId = account.id;
  if (options.strictApiVersion && exchange.stripeVersion !== null && exchange.stripeVersion !== API_VERSION) {
    throw invalidRequest(
      `The emulator speaks API version ${API_VERSION} (the installed SDK's) and got Stripe-Version ${exchange.stripeVersion}. Pin the same version in the adapter.`,
      'Stripe-Version',
    );
  }
  exchange.params = readParams(req, url, rawBody);
  const match = matchRoute(deps.routes, exchange.method, url.pathname);
  if (match === null) {
    throw new EmulatorError(
      404,
      'invalid_request_error',
      `Unrecognized request URL (${exchange.method}: ${url.pathname}).`,
    );
  }
  const endpoint = `${exchange.method} ${url.pathname}`;
  const key = exchange.idempotencyKey;
  const stored = key === null ? null : idempotency.lookup(account.id, key, endpoint, exchange.params);
  if (stored !== null) {
    exchange.replayed = true;
    return {
      status: stored.status,
      body: stored.body,
      headers: {
        ...headers,
        'idempotent-replayed': 'true',
        'original-request': stored.requestId,
        'idempotency-key': key ?? '',
      },
    };
  }
  sweepExpiredSessions(ctx);
  let status: number;
  let body: unknown;
  try {
    const result = match.route.handler(ctx, {
      account,
      params: new Params(exchange.params),
      pathParams: match.pathParams,
      cause: { requestId: exchange.requestId, idempotencyKey: key },
    });
    status = result.status ?? 200;
    body = result.body;
  } catch (error) {
    ({ status, body } = errorBody(error));
  }
  const serialized = JSON.stringify(body, null, 2);
  if (key !== null && storesIdempotentResult(status)) {
    idempotency.remember(account.id, key, endpoint, exchange.params, {
      status,
      body: serialized,
      requestId: exchange.requestId,
    });
    headers['idempotency-key'] = key;
  }
  return { status, body: serialized, headers };
}

export function handleApiRequest(
  deps: ApiDeps,
  req: IncomingMessage,
  url: URL,
  rawBody: string,
): ApiResponse {
  const method = req.method ?? 'GET';
  const exchange: Exchange = {
    requestId: newId('req'),
    method,
    idempotencyKey: method === 'POST' ? (header(req, 'idempotency-key') ?? null) : null,
    stripeVersion: header(req, 'stripe-version') ?? null,
    accountId: null,
    params: {},
    replayed: false,
  };
  let response: ApiResponse;
  try {
    response = runRoute(deps, req, url, rawBody, exchange);
  } catch (error) {
    // Failures before the endpoint ran (auth, version, parsing, idempotency misuse): never stored for replay.
    const { status, body } = errorBody(error);
    response = {
      status,
      body: JSON.stringify(body, null, 2),
      headers: { 'request-id': exchange.requestId, 'stripe-version': API_VERSION },
    };
  }
  deps.requests.add({
    request_id: exchange.requestId,
    method,
    path: url.pathname,
    account: exchange.accountId,
    idempotency_key: exchange.idempotencyKey,
    stripe_version: exchange.stripeVersion,
    params: exchange.params,
    status: response.status,
    idempotent_replayed: exchange.replayed,
    at: deps.ctx.clock.now(),
  });
  return response;
}
