import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openStorage, type Storage } from '../storage';
import { buildApp, type App, type AppOptions } from './app';
import type { ResolvedConfig } from './config/resolved-config';
import { startJobs } from './jobs';

export interface RunningServer extends App {
  /** Where the host answers, e.g. http://127.0.0.1:8787. */
  url: string;
  storage: Storage;
  /** One pass of the expiry and reconciliation job, now (tests, and the CLI's first pass). */
  sweep(): Promise<void>;
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
  for (const site of config.sites) {
    for (const form of site.forms) {
      if (form.kind !== 'tickets') continue;
      await storage.syncStock(
        site.id,
        form.id,
        form.tickets.types.map((t) => ({ typeId: t.id, quota: t.quota ?? null })),
      );
    }
  }
  const app = await buildApp({ ...options, config, storage });
  await app.fastify.listen({ host: config.listen.host, port: config.listen.port });
  const jobs = startJobs(app.host.deps, app.host.sites, config.jobs);
  return {
    ...app,
    url: app.host.publicUrl(),
    storage,
    sweep: jobs.runOnce,
    close: async () => {
      await jobs.stop();
      await app.fastify.close();
      if (!options.storage) await storage.close();
    },
  };
}

async function openConfiguredStorage(config: ResolvedConfig): Promise<Storage> {
  if ('sqlite' in config.storage && config.storage.sqlite !== ':memory:') {
    mkdirSync(dirname(config.storage.sqlite), { recursive: true });
  }
  return openStorage(config.storage);
}
