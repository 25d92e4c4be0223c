import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FormConfig, OrderRequest, OrderStatusValue } from '../../../backend-adapter/src/protocol';
import { signSimulationEvent } from '../../../backend-adapter/src/providers/simulation';
import { resolveConfig, startServer, type RunningServer } from '../../../backend-adapter/src/server';
import { startPageServer, type PageServer } from './page-server';

export const ORGANIZATION = 'Les Amis du Jardin partagé';
export const SIMULATION_SECRET = 'browser-journeys-simulation-secret';

/** A site of the Node host paying through Stripe (against the emulator) with one integration. */
export interface StripeSite {
  id: string;
  uiMode: 'embedded_page' | 'elements';
  secretKey: string;
  webhookSecret: string;
  apiBase: string;
  forms: FormConfig[];
}

/** An order as the journeys check it, read from the host's storage. */
export interface JourneyOrder {
  id: string;
  formId: string;
  status: OrderStatusValue;
  total: number;
  provider: string;
  recurring: { interval: 'month' | 'year' } | null;
  request: OrderRequest;
  tickets: { attendee: string }[];
  createdAt: Date;
}

export interface JourneyHost {
  /** The protocol base of a site (default: the simulation and cheque site). */
  base(site?: string): string;
  /** A test page on the page server, another origin, as a CMS page embedding the widgets would be. */
  page(path: string, html: string): string;
  /** Where the pages load the widget bundle from (their own origin). */
  widgets: string;
  orders(site?: string): Promise<JourneyOrder[]>;
  /** Creates an order through the protocol, as another payer's browser would. */
  createOrder(formId: string, request: OrderRequest, site?: string): Promise<void>;
  /** Plays a later event of the simulated processor, signed as a real one. */
  simulationEvent(orderId: string, type: 'payment_failed' | 'payment_succeeded'): Promise<void>;
  close(): Promise<void>;
}

const SITE = 'asso';

/**
 * The real Node host (backend-adapter/src/server) on SQLite in a temporary folder, serving the widget bundle,
 * with the test pages on a second loopback origin allowed by its CORS settings. The default site pays by
 * simulation and cheque; Stripe sites are added for the emulator journeys.
 */
export async function startJourneyHost(options: {
  forms: FormConfig[];
  stripe?: StripeSite[];
}): Promise<JourneyHost> {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-journeys-'));
  let server: RunningServer | null = null;
  const pages: PageServer = await startPageServer({
    base: (site) => `${server?.url ?? ''}/v1/sites/${site ?? SITE}`,
    forms: options.forms,
  });
  const env: Record<string, string> = { JOURNEY_SIMULATION_SECRET: SIMULATION_SECRET };
  const stripeSites = (options.stripe ?? []).map((stripe) => {
    const prefix = `JOURNEY_${stripe.id.toUpperCase()}`;
    Object.assign(env, {
      [`${prefix}_SECRET_KEY`]: stripe.secretKey,
      [`${prefix}_WEBHOOK_SECRET`]: stripe.webhookSecret,
      [`${prefix}_API_BASE`]: stripe.apiBase,
    });
    return {
      id: stripe.id,
      origins: [pages.origin],
      organization: { name: ORGANIZATION },
      providers: {
        stripe: {
          secretKeyEnv: `${prefix}_SECRET_KEY`,
          webhookSecretEnv: `${prefix}_WEBHOOK_SECRET`,
          apiBaseEnv: `${prefix}_API_BASE`,
          publishableKey: 'pk_test_guichet_journeys',
          uiMode: stripe.uiMode,
        },
      },
      forms: stripe.forms,
    };
  });
  const { config } = resolveConfig(
    {
      listen: { host: '127.0.0.1', port: 0 },
      storage: { sqlite: join(dir, 'journeys.sqlite') },
      jobs: { intervalSeconds: 0 },
      sites: [
        {
          id: SITE,
          origins: [pages.origin],
          organization: { name: ORGANIZATION },
          providers: {
            simulation: { enabled: true, secretEnv: 'JOURNEY_SIMULATION_SECRET' },
            offline: { cheque: { payee: ORGANIZATION, address: '12 rue des Lilas, 93100 Montreuil' } },
          },
          forms: options.forms,
        },
        ...stripeSites,
      ],
    },
    { baseDir: dir, env },
  );
  server = await startServer(config, { log: false, stripe: { maxNetworkRetries: 0 } });
  const running = server;
  const base = (site = SITE) => `${running.url}/v1/sites/${site}`;
  return {
    base,
    page: (path, html) => pages.page(path, html),
    widgets: pages.widgets,
    orders: async (site = SITE) => {
      const page = await running.storage.listOrders(site, {}, { limit: 500 });
      const orders = await Promise.all(
        page.items.map(async (record) => ({
          id: record.id,
          formId: record.formId,
          status: record.status,
          total: record.total,
          provider: record.provider,
          recurring: record.recurring,
          request: record.request,
          createdAt: record.createdAt,
          tickets: (await running.storage.orderItems(record.id)).tickets.map((ticket) => ({
            attendee: [ticket.firstName, ticket.lastName].filter(Boolean).join(' '),
          })),
        })),
      );
      return orders.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    },
    createOrder: async (formId, request, site) => {
      const response = await fetch(`${base(site)}/forms/${formId}/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: pages.origin },
        body: JSON.stringify(request),
      });
      if (response.status !== 201)
        throw new Error(`order refused (${response.status}): ${await response.text()}`);
    },
    simulationEvent: async (orderId, type) => {
      const now = new Date();
      const signed = signSimulationEvent(
        SIMULATION_SECRET,
        {
          id: `evt_${type}_${orderId}`,
          type,
          orderId,
          createdAt: now.toISOString(),
          ...(type === 'payment_failed' ? { failureCode: 'card_declined' } : {}),
        },
        now,
      );
      const response = await fetch(`${base()}/webhooks/simulation`, {
        method: 'POST',
        headers: signed.headers,
        body: signed.body,
      });
      if (!response.ok)
        throw new Error(`simulation webhook answered ${response.status}: ${await response.text()}`);
    },
    close: async () => {
      await running.close();
      await pages.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
