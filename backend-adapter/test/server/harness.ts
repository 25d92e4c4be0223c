import { SqlStorage } from '../../src/storage';
import { SqliteDriver } from '../../src/storage/sqlite/sqlite-driver';
import { buildApp, resolveConfig, type App } from '../../src/server';
import type { FormConfig } from '../../src/protocol';

export const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';
export const SIMULATION_SECRET = 'simulation-secret-for-tests-42';
export const ORIGIN = 'https://jardin.example';

export const donation: FormConfig = {
  kind: 'donation',
  id: 'don',
  title: { fr: 'Don', en: 'Donation' },
  currency: 'EUR',
  payment: { providers: ['simulation', 'offline'], offlineMethods: ['cheque'] },
  donation: {
    presets: [2500],
    allowCustomAmount: true,
    minimum: 100,
    maximum: 100000,
    frequencies: ['once'],
    allowAnonymous: true,
    allowDedication: false,
  },
};

export const concert: FormConfig = {
  kind: 'tickets',
  id: 'concert',
  title: 'Concert',
  currency: 'EUR',
  payment: { providers: ['simulation', 'offline'], offlineMethods: ['cheque'] },
  tickets: {
    types: [{ id: 'plein', name: 'Plein tarif', price: 1500, quota: 10 }],
    maxPerOrder: 10,
    attendeeNames: false,
    promoCodes: [],
    holdMinutes: 30,
    fields: [],
  },
};

export interface Answer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  /** The raw body (PDFs, zips). */
  bytes: Buffer;
  json(): any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface Request {
  method: string;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

export interface Harness extends App {
  storage: SqlStorage;
  clock: { offsetMs: number };
  url: string;
  /** One HTTP request to the listening app (Fastify's inject needs an ES module Jest cannot load here). */
  request(request: Request): Promise<Answer>;
  close(): Promise<void>;
}

/** The whole app on an in-memory SQLite database, driven with fastify.inject (no socket). */
export async function harness(
  opts: {
    limits?: Record<string, number>;
    log?: { write(line: string): void };
    config?: object;
    env?: Record<string, string>;
  } = {},
): Promise<Harness> {
  const storage = new SqlStorage(new SqliteDriver(':memory:'));
  await storage.migrate();
  const { config } = resolveConfig(
    {
      storage: { sqlite: ':memory:' },
      limits: { ordersPerMinute: 1000, ordersBurst: 1000, ...opts.limits },
      jobs: { intervalSeconds: 0 },
      trustProxy: true,
      sites: [
        {
          id: 'demo',
          origins: [ORIGIN],
          organization: { name: 'Les Amis du Jardin partagé' },
          adminTokenEnv: 'ADMIN_TOKEN',
          providers: {
            simulation: { enabled: true, secretEnv: 'SIMULATION_SECRET' },
            offline: { cheque: { payee: 'Les Amis', address: '12 rue des Lilas' } },
          },
          forms: [donation, concert],
        },
      ],
      ...opts.config,
    },
    { baseDir: '/tmp', env: { ADMIN_TOKEN, SIMULATION_SECRET, ...opts.env } },
  );
  await storage.syncStock('demo', 'concert', [{ typeId: 'plein', quota: 10 }]);
  const clock = { offsetMs: 0 };
  const app = await buildApp({
    config,
    storage,
    now: () => new Date(Date.now() + clock.offsetMs),
    log: opts.log ? { level: 'debug', stream: opts.log } : false,
  });
  await app.fastify.listen({ host: '127.0.0.1', port: 0 });
  const url = app.host.publicUrl();
  return {
    ...app,
    storage,
    clock,
    url,
    request: async ({ method, url: path, payload, headers = {} }) => {
      const body =
        payload === undefined ? undefined : typeof payload === 'string' ? payload : JSON.stringify(payload);
      const response = await fetch(`${url}${path}`, {
        method,
        // Redirects are answers the tests read (the no-JS routes' 303s), not something to follow.
        redirect: 'manual',
        headers: {
          ...(body !== undefined && !headers['content-type'] ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(body === undefined ? {} : { body }),
      });
      // Buffer decoding keeps a BOM, which fetch's text() would silently drop.
      const bytes = Buffer.from(await response.arrayBuffer());
      const text = bytes.toString('utf8');
      return {
        statusCode: response.status,
        headers: Object.fromEntries(response.headers.entries()),
        body: text,
        bytes,
        json: () => JSON.parse(text),
      };
    },
    close: async () => {
      await app.fastify.close();
      await storage.close();
    },
  };
}

export const payer = { email: 'ada@example.org', firstName: 'Ada', lastName: 'Lovelace' };

export const donationBody = (amount = 2500, payment: object = { provider: 'simulation' }) => ({
  kind: 'donation',
  locale: 'fr',
  payment,
  payer,
  donation: { amount, frequency: 'once' },
});

export const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
