import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgres, postgresRequired, startPostgres, type PostgresCluster } from '../../testing/postgres';

/** A database a benchmark runs on: SQLite in a temporary file, PostgreSQL on a throwaway cluster. */
export interface BenchDatabase {
  name: 'sqlite' | 'postgres';
  /** The `storage` entry of a server configuration, plus the environment it reads. */
  storage: object;
  env: Record<string, string>;
  dispose(): Promise<void>;
}

/**
 * SQLite always; PostgreSQL when its binaries are installed (printed as skipped otherwise, an error under
 * CI=true). GUICHET_BENCH_DATABASES=sqlite (or postgres) runs only that one.
 */
export async function* benchDatabases(): AsyncGenerator<BenchDatabase> {
  const only = process.env.GUICHET_BENCH_DATABASES?.split(',');
  const dir = mkdtempSync(join(tmpdir(), 'guichet-bench-'));
  if (!only || only.includes('sqlite'))
    yield {
      name: 'sqlite',
      storage: { sqlite: join(dir, 'bench.sqlite') },
      env: {},
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  if (only && !only.includes('postgres')) return;
  const pg = findPostgres();
  if (!pg.ok && !postgresRequired()) {
    console.log(`(postgres skipped: ${pg.reason})`);
    return;
  }
  const cluster: PostgresCluster = await startPostgres();
  try {
    yield {
      name: 'postgres',
      storage: { postgres: { urlEnv: 'GUICHET_BENCH_DATABASE_URL', maxConnections: 16 } },
      env: { GUICHET_BENCH_DATABASE_URL: await cluster.createDatabase() },
      dispose: async () => undefined,
    };
  } finally {
    await cluster.stop();
  }
}
