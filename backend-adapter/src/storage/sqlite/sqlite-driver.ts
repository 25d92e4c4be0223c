import type { Queryable, SqlDriver, SqlValue } from '../sql-driver';
import { openSqliteDatabase, type SqliteDatabase, type SqliteStatement } from './better-sqlite3';

/**
 * SQLite through better-sqlite3: one connection, WAL journal. better-sqlite3 is synchronous while the shared
 * SQL code is async, so every use of the connection takes a turn in a queue: a transaction owns the connection
 * from BEGIN IMMEDIATE to COMMIT, and no other request's statement can slip into it.
 */
export class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite' as const;
  readonly forUpdate = '';
  private readonly db: SqliteDatabase;
  private readonly statements = new Map<string, SqliteStatement>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly direct: Queryable;

  constructor(path: string) {
    this.db = new openSqliteDatabase(path, { timeout: 5000 });
    if (path !== ':memory:') this.db.pragma('journal_mode = WAL');
    // NORMAL is durable across application crashes in WAL mode; only a power cut may lose the last commits.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.direct = {
      all: async <R>(sql: string, params: readonly SqlValue[] = []) =>
        this.statement(sql).all(...params) as R[],
      run: async (sql: string, params: readonly SqlValue[] = []) =>
        this.statement(sql).run(...params).changes,
    };
  }

  all<R = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<R[]> {
    return this.turn(() => this.direct.all<R>(sql, params));
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.turn(() => this.direct.run(sql, params));
  }

  transaction<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.turn(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.direct);
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        this.db.exec('ROLLBACK');
        throw err;
      }
    });
  }

  async close(): Promise<void> {
    await this.turn(async () => this.db.close());
  }

  private statement(sql: string): SqliteStatement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private turn<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
