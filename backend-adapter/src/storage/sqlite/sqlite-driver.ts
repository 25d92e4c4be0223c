import type { Queryable, SqlDriver, SqlValue } from '../sql-driver';
import Database from 'better-sqlite3';

type Task =
  | { kind: 'direct'; run: () => unknown; resolve: (value: unknown) => void; reject: (err: unknown) => void }
  | {
      kind: 'transaction';
      fn: (q: Queryable) => Promise<unknown>;
      resolve: (value: unknown) => void;
      reject: (err: unknown) => void;
    };

/** Transactions that were waiting together share one COMMIT, up to this many. */
const GROUP_COMMIT_MAX = 64;

/**
 * SQLite through better-sqlite3: one connection, WAL journal. better-sqlite3 is synchronous while the shared
 * SQL code is async, so every use of the connection takes a turn in one queue, and a transaction owns the
 * connection from BEGIN IMMEDIATE to COMMIT: no other request's statement can slip into it.
 *
 * Group commit: the transactions found waiting in the queue run back to back inside one BEGIN IMMEDIATE … COMMIT,
 * each in its own SAVEPOINT (a failing one is rolled back alone). Their callers hear back only after the shared
 * COMMIT, so each still sees its transaction durable and atomic, but the pages they all touch are written once.
 */
export class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite' as const;
  readonly forUpdate = '';
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly queue: Task[] = [];
  private draining = false;
  private readonly direct: Queryable;

  constructor(path: string) {
    this.db = new Database(path, { timeout: 5000 });
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

  all<R = Record<string, unknown>>(sql: string, params: readonly SqlValue[] = []): Promise<R[]> {
    return this.enqueue<R[]>((resolve, reject) => ({
      kind: 'direct',
      run: () => this.statement(sql).all(...params),
      resolve: resolve as (value: unknown) => void,
      reject,
    }));
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.enqueue<number>((resolve, reject) => ({
      kind: 'direct',
      run: () => this.statement(sql).run(...params).changes,
      resolve: resolve as (value: unknown) => void,
      reject,
    }));
  }

  transaction<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.enqueue<T>((resolve, reject) => ({
      kind: 'transaction',
      fn,
      resolve: resolve as (value: unknown) => void,
      reject,
    }));
  }

  async close(): Promise<void> {
    await this.enqueue<void>((resolve, reject) => ({
      kind: 'direct',
      run: () => this.db.close(),
      resolve: resolve as (value: unknown) => void,
      reject,
    }));
  }

  private enqueue<T>(
    make: (resolve: (value: T) => void, reject: (err: unknown) => void) => Task,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push(make(resolve, reject));
      if (!this.draining) {
        // Start on the next turn of the event loop, so requests whose data arrived together commit together.
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        // Everything waiting comes from different requests, concurrent by definition: any order between them
        // is a valid one. So the single statements run first, then every waiting transaction in one group.
        const waiting = this.queue.splice(0, this.queue.length);
        const group: Extract<Task, { kind: 'transaction' }>[] = [];
        for (const task of waiting) {
          if (task.kind === 'transaction') {
            group.push(task);
            continue;
          }
          try {
            task.resolve(task.run());
          } catch (err) {
            task.reject(err);
          }
        }
        for (let i = 0; i < group.length; i += GROUP_COMMIT_MAX) {
          await this.commitGroup(group.slice(i, i + GROUP_COMMIT_MAX));
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private async commitGroup(group: Extract<Task, { kind: 'transaction' }>[]): Promise<void> {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; err: unknown })[] = [];
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (err) {
      for (const task of group) task.reject(err);
      return;
    }
    for (const task of group) {
      this.db.exec('SAVEPOINT guichet_tx');
      try {
        const value = await task.fn(this.direct);
        this.db.exec('RELEASE guichet_tx');
        outcomes.push({ ok: true, value });
      } catch (err) {
        this.db.exec('ROLLBACK TO guichet_tx');
        this.db.exec('RELEASE guichet_tx');
        outcomes.push({ ok: false, err });
      }
    }
    try {
      this.db.exec('COMMIT');
    } catch (err) {
      this.db.exec('ROLLBACK');
      for (const task of group) task.reject(err);
      return;
    }
    group.forEach((task, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) task.resolve(outcome.value);
      else task.reject(outcome?.err);
    });
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
