import type { Queryable, SqlDriver, SqlValue } from '../sql-driver';
import { Pool, types, type QueryResult } from 'pg';

const INT8 = 20;
const NUMERIC = 1700;

/**
 * PostgreSQL through a `pg` pool. BIGINT and NUMERIC (what SUM answers) come back as JavaScript numbers:
 * money is at most 10^10 minor units and dates are epoch milliseconds, both far below 2^53.
 */
export class PostgresDriver implements SqlDriver {
  readonly dialect = 'postgres' as const;
  readonly forUpdate = ' FOR UPDATE';
  private readonly pool: Pool;

  constructor(connectionString: string, options: { maxConnections?: number } = {}) {
    this.pool = new Pool({
      connectionString,
      max: options.maxConnections ?? 10,
      idleTimeoutMillis: 30_000,
      types: {
        getTypeParser: (oid, format) =>
          oid === INT8 || oid === NUMERIC
            ? (value: string) => Number(value)
            : types.getTypeParser(oid, format),
      },
    });
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
  }

  async all<R = Record<string, unknown>>(sql: string, params: readonly SqlValue[] = []): Promise<R[]> {
    return (await this.pool.query(numbered(sql), mutable(params))).rows as R[];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return (await this.pool.query(numbered(sql), mutable(params))).rowCount ?? 0;
  }

  async transaction<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const query = (sql: string, params: readonly SqlValue[] = []): Promise<QueryResult> =>
      client.query(numbered(sql), mutable(params));
    try {
      await client.query('BEGIN');
      const result = await fn({
        all: async <R>(sql: string, params?: readonly SqlValue[]) => (await query(sql, params)).rows as R[],
        run: async (sql: string, params?: readonly SqlValue[]) => (await query(sql, params)).rowCount ?? 0,
      });
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release(err instanceof Error ? err : true);
      throw err;
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

const converted = new Map<string, string>();

/** `?` placeholders (the shared SQL's) as PostgreSQL's `$1, $2…`. The shared SQL never has `?` in a literal. */
function numbered(sql: string): string {
  let out = converted.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    converted.set(sql, out);
  }
  return out;
}

/** pg's types ask for a mutable array; pg only reads the values (it copies them while serialising). */
function mutable(params: readonly SqlValue[]): SqlValue[] {
  return params as SqlValue[];
}
