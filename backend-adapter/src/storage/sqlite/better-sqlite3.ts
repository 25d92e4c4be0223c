/**
 * The part of better-sqlite3 this adapter uses, typed here because the package ships no declarations
 * (@types/better-sqlite3 is not installed).
 */
export interface SqliteStatement {
  readonly reader: boolean;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number };
}

export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): void;
  pragma(source: string): unknown;
  close(): void;
}

type SqliteConstructor = new (filename: string, options?: { timeout?: number }) => SqliteDatabase;

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const openSqliteDatabase: SqliteConstructor = require('better-sqlite3');
