import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FormConfig } from '../protocol';
import { openStorage, type Storage } from '../storage';
import { buildApp, type App, type AppOptions } from './app';
import { withDefaults } from './config/load-config';
import type { ResolvedConfig } from './config/resolved-config';
import { annualReceiptsTask, startJobs } from './jobs';

export interface RunningServer extends App {
  /** Where the host answers, e.g. http://127.0.0.1:8787. */
  url: string;
  storage: Storage;
  /** One pass of the expiry and reconciliation job, now (tests, and the CLI's first pass). */
  sweep(): Promise<void>;
  /** Adds or replaces a form of a site while serving (its schema defaults applied, its quotas stored). */
  installForm(siteId: string, form: FormConfig): Promise<void>;
  close(): Promise<void>;
}

export type StartOptions = Omit<AppOptions, 'storage' | 'config'> & {
  /** An already opened storage (tests share one); by default the configured one is opened and migrated. */
  storage?: Storage;
};

/** Opens the storage, puts every ticket quota in it, builds the app, listens and starts the background job. */
export async function startServer(
  config: ResolvedConfig,
  options: StartOptions = {},
): Promise<RunningServer> {
  const storage = options.storage ?? (await openConfiguredStorage(config));
  for (const site of config.sites) for (const form of site.forms) await syncStock(storage, site.id, form);
  const app = await buildApp({ ...options, config, storage });
  // A sale opening brings hundreds of buyers at the same instant: a short accept queue would drop their
  // connections and make them wait a second for the retry.
  await app.fastify.listen({ host: config.listen.host, port: config.listen.port, backlog: 4096 });
  const { deps, receipts, sites } = app.host;
  const jobs = startJobs(deps, sites, config.jobs, [annualReceiptsTask(receipts, sites, deps.now, deps.log)]);
  return {
    ...app,
    url: app.host.publicUrl(),
    storage,
    sweep: jobs.runOnce,
    installForm: async (siteId, form) => {
      const site = app.host.sites.get(siteId);
      if (!site) throw new Error(`no site ${siteId}`);
      const installed = withDefaults(form);
      await syncStock(storage, siteId, installed);
      (site.forms as Map<string, FormConfig>).set(installed.id, installed);
    },
    close: async () => {
      await jobs.stop();
      await app.fastify.close();
      if (!options.storage) await storage.close();
    },
  };
}

/** The quotas of a ticket form, in the table the seat holds are checked against. */
async function syncStock(storage: Storage, siteId: string, form: FormConfig): Promise<void> {
  if (form.kind !== 'tickets') return;
  const types = form.tickets.types.map((t) => ({ typeId: t.id, quota: t.quota ?? null }));
  await storage.syncStock(siteId, form.id, types);
}

async function openConfiguredStorage(config: ResolvedConfig): Promise<Storage> {
  if ('sqlite' in config.storage && config.storage.sqlite !== ':memory:') {
    mkdirSync(dirname(config.storage.sqlite), { recursive: true });
  }
  return openStorage(config.storage);
}
