/** The little the shared SQL code needs from a database: queries with `?` placeholders and transactions. */
export interface Queryable {
  all<R = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<R[]>;
  /** Resolves with the number of rows changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export type SqlValue = string | number | null;

export interface SqlDriver extends Queryable {
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * Runs `fn` as one write transaction, committed when it resolves and rolled back when it throws.
   * Inside, use only the Queryable it receives (SQLite has one connection: the driver's own methods wait for it).
   */
  transaction<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** Suffix that locks the selected rows until commit (PostgreSQL); SQLite's write lock already covers it. */
  readonly forUpdate: string;
  close(): Promise<void>;
}
