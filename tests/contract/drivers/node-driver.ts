import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig, startServer } from '../../../backend-adapter/src/server';
import {
  findPostgres,
  postgresRequired,
  startPostgres,
  type PostgresCluster,
} from '../../../backend-adapter/testing/postgres';
import type { HostDriver, HostStartOptions, RunningHost } from '../host-driver';

const SITE = 'contract';
const ADMIN_TOKEN = 'contract-admin-token-0123456789';

/** The Node host, in this process: a fresh SQLite file or PostgreSQL database per start, a clock the suite moves. */
export const nodeHostDriver: HostDriver = {
  name: 'node',
  storages() {
    const pg = findPostgres();
    return [
      { name: 'sqlite' },
      pg.ok || postgresRequired() ? { name: 'postgres' } : { name: 'postgres', skip: pg.reason },
    ];
  },
  start: startNodeHost,
};

async function startNodeHost(options: HostStartOptions): Promise<RunningHost> {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-contract-'));
  let cluster: PostgresCluster | null = null;
  const env: Record<string, string> = {
    CONTRACT_SIMULATION_SECRET: options.simulationSecret,
    CONTRACT_ADMIN_TOKEN: ADMIN_TOKEN,
    CONTRACT_STRIPE_SECRET_KEY: options.stripe.secretKey,
    CONTRACT_STRIPE_WEBHOOK_SECRET: options.stripe.webhookSecret,
    CONTRACT_STRIPE_API_BASE: options.stripe.apiBase,
  };
  if (options.storage === 'postgres') {
    cluster = await startPostgres();
    env.CONTRACT_DATABASE_URL = await cluster.createDatabase();
  }
  const { config } = resolveConfig(
    {
      listen: { host: '127.0.0.1', port: 0 },
      storage:
        options.storage === 'postgres'
          ? { postgres: { urlEnv: 'CONTRACT_DATABASE_URL', maxConnections: 20 } }
          : { sqlite: join(dir, 'contract.sqlite') },
      // Rushes come from one IP: the rate limit is tested on its own, not here.
      limits: { ordersPerMinute: 1_000_000, ordersBurst: 1_000_000 },
      jobs: { intervalSeconds: 0 },
      sites: [
        {
          id: SITE,
          origins: [options.origin],
          organization: { name: 'Les Amis du Jardin partagé' },
          adminTokenEnv: 'CONTRACT_ADMIN_TOKEN',
          providers: {
            simulation: { enabled: true, secretEnv: 'CONTRACT_SIMULATION_SECRET' },
            offline: {
              cheque: { payee: 'Les Amis du Jardin partagé', address: '12 rue des Lilas, 93100 Montreuil' },
            },
            stripe: {
              secretKeyEnv: 'CONTRACT_STRIPE_SECRET_KEY',
              webhookSecretEnv: 'CONTRACT_STRIPE_WEBHOOK_SECRET',
              publishableKey: options.stripe.publishableKey,
              apiBaseEnv: 'CONTRACT_STRIPE_API_BASE',
              uiMode: 'embedded_page',
            },
          },
          forms: [],
        },
      ],
    },
    { baseDir: dir, env },
  );
  let offset = 0;
  const server = await startServer(config, {
    now: () => new Date(Date.now() + offset),
    log: false,
    stripe: { maxNetworkRetries: 0 },
  });
  return {
    baseUrl: `${server.url}/v1/sites/${SITE}`,
    installForm: (form) => server.installForm(SITE, form),
    orderCount: async () => {
      let count = 0;
      let after: string | undefined;
      do {
        const page = await server.storage.listOrders(SITE, {}, { limit: 500, ...(after ? { after } : {}) });
        count += page.items.length;
        after = page.next ?? undefined;
      } while (after);
      return count;
    },
    advanceClock: async (ms) => {
      offset += ms;
    },
    runJobs: () => server.sweep(),
    admin: {
      baseUrl: `${server.url}/v1/sites/${SITE}/admin`,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    },
    stop: async () => {
      await server.close();
      await cluster?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
