/** The part of `pg` this adapter uses, typed here because the package ships no declarations (@types/pg is not installed). */
export interface PgResult {
  rows: Record<string, unknown>[];
  rowCount: number | null;
}

export interface PgClient {
  query(sql: string, params?: readonly unknown[]): Promise<PgResult>;
  release(err?: Error | boolean): void;
}

export interface PgPoolConfig {
  connectionString: string;
  max?: number;
  idleTimeoutMillis?: number;
  types?: { getTypeParser(oid: number, format?: string): (value: string) => unknown };
}

export interface PgPool {
  query(sql: string, params?: readonly unknown[]): Promise<PgResult>;
  connect(): Promise<PgClient>;
  end(): Promise<void>;
  on(event: 'error', listener: (err: Error) => void): void;
}

interface PgModule {
  Pool: new (config: PgPoolConfig) => PgPool;
  types: { getTypeParser(oid: number, format?: string): (value: string) => unknown };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const pg: PgModule = require('pg');
