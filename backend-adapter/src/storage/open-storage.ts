import { PostgresDriver } from './postgres/postgres-driver';
import { SqliteDriver } from './sqlite/sqlite-driver';
import { SqlStorage } from './sql-storage';
import type { Storage } from './types';

export type StorageConfig = { sqlite: string } | { postgres: string; maxConnections?: number };

/** Opens (and migrates) the configured database: a SQLite file by default, PostgreSQL when a URL is given. */
export async function openStorage(config: StorageConfig): Promise<Storage> {
  const driver =
    'postgres' in config
      ? new PostgresDriver(config.postgres, { maxConnections: config.maxConnections })
      : new SqliteDriver(config.sqlite);
  const storage = new SqlStorage(driver);
  try {
    await storage.migrate();
  } catch (err) {
    await storage.close().catch(() => undefined);
    throw err;
  }
  return storage;
}
