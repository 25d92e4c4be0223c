import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { TAX_RULES, toFormDefinition } from '../../../../backend-adapter/src/domain';
import type {
  FormConfig,
  Locale,
  OrderRequest,
  SimulationResult,
} from '../../../../backend-adapter/src/protocol';
import { createProviders } from '../../../../backend-adapter/src/providers/registry';
import type { ProviderSettings } from '../../../../backend-adapter/src/providers/settings';
import { isCardSimulator } from '../../../../backend-adapter/src/providers/simulation';
import { isWebhookReceiver } from '../../../../backend-adapter/src/providers/types';
import { hostedSimulationPage, requestFromForm } from './no-js';
import { HostError, OrderStore } from './orders';

export const WIDGET_DIST = join(__dirname, '../../../../shared-widgets/dist');
export const ORGANIZATION = 'Les Amis du Jardin partagé';

export interface FakeHostOptions {
  forms: FormConfig[];
  /** Payment settings as a real host stores them; `confirmUrl` of the simulation is filled in. */
  settings: ProviderSettings;
  now?: () => Date;
}

export interface FakeHost {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The protocol base the widgets get in their `base` attribute. */
  base: string;
  store: OrderStore;
  /** Serves `html` at `path` (test pages holding the widgets). */
  page(path: string, html: string): string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.html': 'text/html; charset=utf-8',
};

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(
  res: ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

const localeOf = (req: IncomingMessage, url: URL): Locale =>
  (url.searchParams.get('locale') ?? req.headers['accept-language'] ?? 'fr').startsWith('en') ? 'en' : 'fr';

/**
 * A small protocol v1 host for the browser journeys, standing in for the Node host until it lands: the domain
 * prices and validates, the real providers (simulation, Stripe against the emulator, offline) take the payment.
 * It also serves the widget bundle, the test pages, the no-JS form target and a hosted simulation page.
 */
export async function startFakeHost(options: FakeHostOptions): Promise<FakeHost> {
  const now = options.now ?? (() => new Date());
  const pages = new Map<string, string>();
  let origin = '';
  const api = () => `${origin}/api`;
  const providers = createProviders(options.settings, {
    confirmUrl: (orderId) => `${api()}/simulation/${orderId}/confirm`,
    now,
    stripe: { maxNetworkRetries: 0 },
  });
  const store = new OrderStore(providers, now);
  const form = (formId: string) => {
    const found = options.forms.find((candidate) => candidate.id === formId);
    if (!found) throw new HostError(404, 'form_not_found', 'Ce formulaire n’existe pas.');
    return found;
  };
  /** Where a payer comes back: the page they left, with the order to show (see the widgets' README). */
  const returnUrl = (page: string) => (orderId: string, token: string) => {
    const url = new URL(page || `${origin}/`, origin);
    url.searchParams.set('guichet_order', orderId);
    url.searchParams.set('guichet_token', token);
    return url.href;
  };
  const simulator = () => {
    const provider = providers.get('simulation');
    if (!provider || !isCardSimulator(provider))
      throw new HostError(404, 'provider_not_available', 'No simulation.');
    return provider;
  };
  const simulate = (orderId: string, run: () => ReturnType<ReturnType<typeof simulator>['confirm']>) => {
    const order = store.orders.get(orderId);
    if (!order) throw new HostError(404, 'order_not_found', 'Commande introuvable.');
    const answer = run();
    store.apply(answer.events);
    const result: SimulationResult = { outcome: answer.outcome, order: store.view(order) };
    if (answer.outcome === 'requires_action')
      result.challengeUrl = `${api()}/simulation/${orderId}/challenge`;
    return result;
  };

  const routes: [string, RegExp, (req: IncomingMessage, url: URL, m: string[]) => Promise<unknown>][] = [
    [
      'GET',
      /^\/api\/forms\/([\w-]+)$/,
      async (req, url, [formId = '']) => {
        const config = form(formId);
        const paymentMethods = [...providers.values()].flatMap((provider) => provider.publicMethods());
        return toFormDefinition(config, {
          locale: localeOf(req, url),
          now: now(),
          availability: (typeId) => store.available(config, typeId),
          raised: store.raised(config.id),
          paymentMethods: paymentMethods.filter((method) =>
            config.payment.providers.includes(method.provider),
          ),
          organization: { name: ORGANIZATION },
          taxRules: TAX_RULES,
        });
      },
    ],
    [
      'POST',
      /^\/api\/forms\/([\w-]+)\/orders$/,
      async (req, _url, [formId = '']) => {
        const request = JSON.parse((await body(req)).toString('utf8')) as OrderRequest;
        const key = req.headers['idempotency-key'];
        return [
          201,
          await store.create(
            form(formId),
            request,
            typeof key === 'string' ? key : undefined,
            returnUrl(request.returnUrl ?? ''),
          ),
        ];
      },
    ],
    [
      'GET',
      /^\/api\/orders\/([\w-]+)$/,
      async (_req, url, [orderId = '']) =>
        store.view(store.find(orderId, url.searchParams.get('token') ?? '')),
    ],
    [
      'POST',
      /^\/api\/simulation\/([\w-]+)\/confirm$/,
      async (req, _url, [orderId = '']) => {
        const { clientSecret, card } = JSON.parse((await body(req)).toString('utf8')) as {
          clientSecret: string;
          card: string;
        };
        return simulate(orderId, () => simulator().confirm(clientSecret, card, now()));
      },
    ],
    [
      'POST',
      /^\/api\/simulation\/([\w-]+)\/challenge$/,
      async (req, _url, [orderId = '']) => {
        const { clientSecret, approve } = JSON.parse((await body(req)).toString('utf8')) as {
          clientSecret: string;
          approve: boolean;
        };
        return simulate(orderId, () => simulator().challenge(clientSecret, approve, now()));
      },
    ],
    [
      'POST',
      /^\/api\/webhooks\/(\w+)$/,
      async (req, _url, [providerId = '']) => {
        const provider = [...providers.values()].find((candidate) => candidate.id === providerId);
        if (!provider || !isWebhookReceiver(provider))
          throw new HostError(404, 'provider_not_available', 'No such provider.');
        store.apply(provider.receiveWebhook(await body(req), req.headers, now()));
        return { received: true };
      },
    ],
    [
      // The no-JS path: the inner <form method=post> of the widget posts here.
      'POST',
      /^\/forms\/([\w-]+)\/submit$/,
      async (req, _url, [formId = '']) => {
        const config = form(formId);
        const request = requestFromForm(
          config,
          new URLSearchParams((await body(req)).toString('utf8')),
          req.headers.referer ?? '',
        );
        const created = await store.create(config, request, undefined, returnUrl(request.returnUrl ?? ''));
        const next = created.next;
        const location =
          next.type === 'redirect' ? next.url : `${origin}/hosted/${created.order.id}?token=${created.token}`;
        return [303, '', { location }];
      },
    ],
    [
      'GET',
      /^\/hosted\/([\w-]+)$/,
      async (_req, url, [orderId = '']) => [
        200,
        hostedSimulationPage(store, store.find(orderId, url.searchParams.get('token') ?? '')),
        { 'content-type': TYPES['.html'] ?? '' },
      ],
    ],
    [
      'POST',
      /^\/hosted\/([\w-]+)$/,
      async (req, url, [orderId = '']) => {
        const order = store.find(orderId, url.searchParams.get('token') ?? '');
        const card = new URLSearchParams((await body(req)).toString('utf8')).get('card') ?? '';
        const clientSecret = order.next?.type === 'confirm' ? order.next.clientSecret : '';
        simulate(orderId, () => simulator().confirm(clientSecret, card, now()));
        return [303, '', { location: returnUrl(order.request.returnUrl ?? '')(orderId, order.token) }];
      },
    ],
  ];

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', origin);
    try {
      for (const [method, pattern, handler] of routes) {
        const match = pattern.exec(url.pathname);
        if (!match || req.method !== method) continue;
        const result = await handler(req, url, match.slice(1));
        if (Array.isArray(result))
          return send(res, result[0] as number, result[1], result[2] as Record<string, string>);
        return send(res, 200, result);
      }
      if (req.method === 'GET' && pages.has(url.pathname)) {
        res.writeHead(200, { 'content-type': TYPES['.html'] ?? '' });
        return res.end(pages.get(url.pathname));
      }
      if (req.method === 'GET' && url.pathname.startsWith('/widget/')) {
        const file = normalize(join(WIDGET_DIST, url.pathname.slice('/widget/'.length)));
        if (!file.startsWith(WIDGET_DIST))
          return send(res, 403, { error: { code: 'forbidden', message: 'no' } });
        const content = await readFile(file).catch(() => null);
        if (!content) return send(res, 404, { error: { code: 'not_found', message: url.pathname } });
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        return res.end(content);
      }
      send(res, 404, { error: { code: 'not_found', message: url.pathname } });
    } catch (error) {
      if (error instanceof HostError) {
        const payload = {
          error: {
            code: error.code,
            message: error.message,
            ...(error.errors ? { errors: error.errors } : {}),
          },
        };
        return send(res, error.status, payload);
      }
      send(res, 500, {
        error: { code: 'internal_error', message: error instanceof Error ? error.message : String(error) },
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    base: `${origin}/api`,
    store,
    page: (path, html) => {
      pages.set(path, html);
      return origin + path;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
