import { MIGRATIONS, type Migration } from './migrations';
import type { SqlDriver } from './sql-driver';

/** Arbitrary constant: the advisory lock two PostgreSQL hosts take so they never migrate at the same time. */
const MIGRATION_LOCK = 480_161_121;

/**
 * Applies, in order, the migrations the database has not seen; each in its own transaction together with its
 * row in schema_migrations, so a failed step leaves the previous version intact. Resolves with the version in place.
 */
export async function migrate(
  driver: SqlDriver,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number> {
  await driver.run(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
  );
  let current = 0;
  for (const migration of migrations) {
    await driver.transaction(async (q) => {
      if (driver.dialect === 'postgres') await q.all('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
      const done = await q.all('SELECT version FROM schema_migrations WHERE version = ?', [
        migration.version,
      ]);
      if (done.length > 0) return;
      for (const statement of [...migration.statements, ...(migration[driver.dialect] ?? [])]) {
        await q.run(statement);
      }
      await q.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        Date.now(),
      ]);
    });
    current = migration.version;
  }
  return current;
}
