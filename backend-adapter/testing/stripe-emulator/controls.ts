/**
 * `/_emulator/*`: HTTP access to the test controls for tests in other processes (PHP adapter, browser fake
 * Stripe.js). No API key, loopback peers only, CORS open so a page on another loopback port can call them.
 * Bodies may be JSON or form-encoded.
 */
import type { IncomingMessage } from 'node:http';
import { API_VERSION } from './api-version';
import * as actions from './control-actions';
import type { EmulatorContext } from './context';
import { EmulatorError, invalidRequest } from './errors';
import { eventTypeMatches } from './resources/events';
import { parseFormBody, type FormObject, type FormValue } from './form-body';
import { Params } from './params';
import type { RequestLog } from './request-log';
import { matchRoute } from './router';
import type { WebhookEndpoint } from './webhooks';

export interface ControlDeps {
  ctx: EmulatorContext;
  requests: RequestLog;
  reset(): void;
}

interface ControlInput {
  params: Params;
  id: string;
}

/**
 * A control reads its parameters, then returns the work to do. The split lets the dispatcher reject unknown
 * parameters before anything changes.
 */
type Prepared = () => unknown;

interface ControlRoute {
  method: 'GET' | 'POST';
  path: string;
  handler: (deps: ControlDeps, input: ControlInput) => Prepared;
}

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-allow-private-network': 'true',
};

const PAYMENT_METHODS = ['card', 'sepa_debit'] as const;

function toForm(value: unknown): FormValue {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(toForm);
  if (typeof value === 'object') {
    const out = Object.create(null) as FormObject;
    for (const [k, v] of Object.entries(value)) out[k] = toForm(v);
    return out;
  }
  return String(value);
}

function readInput(req: IncomingMessage, url: URL, rawBody: string): FormObject {
  if (req.method !== 'POST' || rawBody.trim() === '') return parseFormBody(url.search.slice(1));
  if ((req.headers['content-type'] ?? '').includes('json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawBody);
    } catch {
      throw invalidRequest('Invalid JSON body.');
    }
    const form = toForm(parsed);
    if (typeof form !== 'object' || Array.isArray(form))
      throw invalidRequest('The JSON body must be an object.');
    return form;
  }
  return parseFormBody(rawBody);
}

function integerList(params: Params, key: string): number[] | undefined {
  return params.stringList(key)?.map((value) => {
    if (!/^\d+$/.test(value)) throw invalidRequest(`Invalid integer: ${value}`, key);
    return Number(value);
  });
}

/** Control responses use Stripe's snake_case, like their inputs. */
function endpointJson(endpoint: WebhookEndpoint): {
  url: string | null;
  secret: string;
  enabled_events: string[];
} {
  return { url: endpoint.url, secret: endpoint.secret, enabled_events: endpoint.enabledEvents };
}

function readWebhookUpdate(params: Params): Partial<WebhookEndpoint> {
  const update: Partial<WebhookEndpoint> = {};
  if (params.provided('url')) update.url = params.string('url') ?? null;
  const secret = params.string('secret');
  if (secret !== undefined) {
    if (!secret.startsWith('whsec_')) throw invalidRequest('A webhook secret starts with whsec_.', 'secret');
    update.secret = secret;
  }
  const enabledEvents = params.stringList('enabled_events');
  if (enabledEvents !== undefined) update.enabledEvents = enabledEvents;
  return update;
}

const routes: ControlRoute[] = [
  {
    method: 'GET',
    path: '/_emulator/health',
    handler:
      ({ ctx }) =>
      () => ({ ok: true, api_version: API_VERSION, url: ctx.baseUrl(), now: ctx.clock.now() }),
  },
  {
    method: 'POST',
    path: '/_emulator/reset',
    handler: (deps) => () => {
      deps.reset();
      return { ok: true };
    },
  },
  {
    method: 'GET',
    path: '/_emulator/webhook',
    handler: ({ ctx }, { params }) => {
      const account = params.string('account');
      return () => endpointJson(ctx.webhooks.endpointFor(account ?? ''));
    },
  },
  {
    method: 'POST',
    path: '/_emulator/webhook',
    handler: ({ ctx }, { params }) => {
      const update = readWebhookUpdate(params);
      const account = params.string('account');
      return () => endpointJson(ctx.webhooks.configure(update, account));
    },
  },
  {
    method: 'GET',
    path: '/_emulator/events',
    handler: ({ ctx }, { params }) => {
      const type = params.string('type');
      const account = params.string('account');
      return () => {
        const deliveries = ctx.webhooks.deliveries();
        const data = ctx.events
          .all()
          .filter((e) => type === undefined || eventTypeMatches(type, e.event.type))
          .filter((e) => account === undefined || e.account === account)
          .map((e) => ({ ...e, deliveries: deliveries.filter((d) => d.event_id === e.event.id) }));
        return { object: 'list', data };
      };
    },
  },
  {
    method: 'POST',
    path: '/_emulator/events/:id/redeliver',
    handler:
      ({ ctx }, { id }) =>
      () =>
        actions.redeliverEvent(ctx, id),
  },
  {
    method: 'GET',
    path: '/_emulator/deliveries',
    handler:
      ({ ctx }) =>
      () => ({ object: 'list', data: ctx.webhooks.deliveries() }),
  },
  {
    method: 'GET',
    path: '/_emulator/requests',
    handler:
      ({ requests }) =>
      () => ({ object: 'list', data: requests.all() }),
  },
  {
    method: 'POST',
    path: '/_emulator/checkout/sessions/:id/complete',
    handler: ({ ctx }, { params, id }) => {
      const options = {
        paymentMethod: params.enum('payment_method', PAYMENT_METHODS),
        email: params.string('email'),
        name: params.string('name'),
        quantities: integerList(params, 'quantities'),
        customUnitAmount: params.integer('custom_unit_amount', { min: 0 }),
      };
      return () => actions.completeCheckoutSession(ctx, id, options);
    },
  },
  {
    method: 'POST',
    path: '/_emulator/checkout/sessions/:id/fail',
    handler: ({ ctx }, { params, id }) => {
      const options = {
        declineCode: params.string('decline_code'),
        email: params.string('email'),
        name: params.string('name'),
      };
      return () => actions.failCheckoutSession(ctx, id, options);
    },
  },
  {
    method: 'POST',
    path: '/_emulator/checkout/sessions/:id/expire',
    handler:
      ({ ctx }, { id }) =>
      () =>
        actions.expireCheckoutSession(ctx, id),
  },
  {
    method: 'POST',
    path: '/_emulator/checkout/sessions/:id/settle',
    handler:
      ({ ctx }, { id }) =>
      () =>
        actions.settleCheckoutSession(ctx, id),
  },
  {
    method: 'POST',
    path: '/_emulator/checkout/sessions/:id/fail_settlement',
    handler:
      ({ ctx }, { id }) =>
      () =>
        actions.failCheckoutSessionSettlement(ctx, id),
  },
  {
    method: 'POST',
    path: '/_emulator/payment_intents/:id/succeed',
    handler: ({ ctx }, { params, id }) => {
      const paymentMethod = params.enum('payment_method', PAYMENT_METHODS);
      return () => actions.attemptPaymentIntent(ctx, id, { paymentMethod });
    },
  },
  {
    method: 'POST',
    path: '/_emulator/payment_intents/:id/fail',
    handler: ({ ctx }, { params, id }) => {
      const declineCode = params.string('decline_code') ?? 'generic_decline';
      return () => actions.attemptPaymentIntent(ctx, id, { declineCode });
    },
  },
  {
    method: 'POST',
    path: '/_emulator/payment_intents/:id/settle',
    handler:
      ({ ctx }, { id }) =>
      () =>
        actions.settlePaymentIntent(ctx, id),
  },
  {
    method: 'POST',
    path: '/_emulator/payment_intents/:id/fail_settlement',
    handler:
      ({ ctx }, { id }) =>
      () =>
        actions.failPaymentIntentSettlement(ctx, id),
  },
  {
    method: 'POST',
    path: '/_emulator/setup_intents/:id/succeed',
    handler: ({ ctx }, { params, id }) => {
      const paymentMethod = params.enum('payment_method', PAYMENT_METHODS);
      return () => actions.attemptSetupIntent(ctx, id, { paymentMethod });
    },
  },
  {
    method: 'POST',
    path: '/_emulator/setup_intents/:id/fail',
    handler: ({ ctx }, { params, id }) => {
      const declineCode = params.string('decline_code') ?? 'generic_decline';
      return () => actions.attemptSetupIntent(ctx, id, { declineCode });
    },
  },
  {
    method: 'POST',
    path: '/_emulator/subscriptions/:id/renew',
    handler: ({ ctx }, { params, id }) => {
      const outcome = params.enum('outcome', ['paid', 'failed', 'processing'] as const) ?? 'paid';
      return () => actions.renewSubscriptionNow(ctx, id, outcome);
    },
  },
  {
    method: 'GET',
    path: '/_emulator/clock',
    handler:
      ({ ctx }) =>
      () => ({ now: ctx.clock.now(), offset: ctx.clock.offset() }),
  },
  {
    method: 'POST',
    path: '/_emulator/clock/advance',
    handler: ({ ctx }, { params }) => {
      const seconds = params.requiredInteger('seconds', { min: 0 });
      return () => actions.advanceClock(ctx, seconds);
    },
  },
  {
    method: 'GET',
    path: '/_emulator/client_secrets/:id',
    handler:
      ({ ctx }, { id }) =>
      () =>
        actions.findByClientSecret(ctx, id),
  },
];

export async function handleControlRequest(
  deps: ControlDeps,
  req: IncomingMessage,
  url: URL,
  rawBody: string,
): Promise<{ status: number; body: string }> {
  try {
    const match = matchRoute(routes, req.method ?? 'GET', url.pathname);
    if (match === null)
      throw new EmulatorError(404, 'invalid_request_error', `Unknown control: ${req.method} ${url.pathname}`);
    const params = new Params(readInput(req, url, rawBody));
    const run = match.route.handler(deps, { params, id: match.pathParams.id ?? '' });
    params.finish();
    const body = await run();
    return { status: 200, body: JSON.stringify(body, null, 2) };
  } catch (error) {
    if (error instanceof EmulatorError)
      return { status: error.status, body: JSON.stringify(error.toBody(), null, 2) };
    const message = error instanceof Error ? error.message : String(error);
    return {
      status: 500,
      body: JSON.stringify({ error: { type: 'api_error', message: `Emulator bug: ${message}` } }),
    };
  }
}
