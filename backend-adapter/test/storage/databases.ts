import { SqlStorage } from '../../src/storage';
import { PostgresDriver } from '../../src/storage/postgres/postgres-driver';
import { SqliteDriver } from '../../src/storage/sqlite/sqlite-driver';
import { findPostgres, postgresRequired, startPostgres, type PostgresCluster } from '../../testing/postgres';

/**
 * Runs a suite once per database: SQLite always, PostgreSQL on a throwaway cluster when its binaries are
 * installed (skipped with a printed reason otherwise, and failing under CI=true).
 */
export interface TestDatabase {
  /** A fresh, migrated, empty storage. */
  fresh(): Promise<SqlStorage>;
}

const postgres = findPostgres();
if (!postgres.ok && !postgresRequired()) {
  console.log(`PostgreSQL storage tests skipped: ${postgres.reason}`);
}

export function describeEachDatabase(title: string, suite: (db: TestDatabase) => void): void {
  describe(`${title} [sqlite]`, () => {
    const opened: SqlStorage[] = [];
    afterAll(async () => {
      for (const s of opened) await s.close();
    });
    suite({
      fresh: async () => {
        const storage = new SqlStorage(new SqliteDriver(':memory:'));
        await storage.migrate();
        opened.push(storage);
        return storage;
      },
    });
  });

  const runPostgres = postgres.ok || postgresRequired();
  (runPostgres ? describe : describe.skip)(`${title} [postgres]`, () => {
    let cluster: PostgresCluster | undefined;
    const opened: SqlStorage[] = [];
    beforeAll(async () => {
      cluster = await startPostgres();
    }, 30_000);
    afterAll(async () => {
      for (const s of opened) await s.close();
      await cluster?.stop();
    }, 30_000);
    suite({
      fresh: async () => {
        if (!cluster) throw new Error('PostgreSQL did not start');
        const storage = new SqlStorage(
          new PostgresDriver(await cluster.createDatabase(), { maxConnections: 12 }),
        );
        await storage.migrate();
        opened.push(storage);
        return storage;
      },
    });
  });
}
