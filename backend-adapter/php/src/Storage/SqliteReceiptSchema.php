<?php

declare(strict_types=1);

namespace Guichet\Adapter\Storage;

/**
 * The receipts' tables in the reference SQLite database, beside SqliteSchema's (created if missing, so a
 * database of either age gains them). The receipts table is the ledger: triggers refuse UPDATE and DELETE,
 * the UNIQUE constraints refuse a second receipt for an issue key, a number or a (year, sequence), and a second
 * receipt replacing the same number (a cancellation racing a correction: their issue keys differ).
 */
final class SqliteReceiptSchema
{
    public static function migrate(\PDO $pdo): void
    {
        $pdo->exec(<<<'SQL'
CREATE TABLE IF NOT EXISTS guichet_receipt_counters (
  series TEXT PRIMARY KEY,
  last INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS guichet_receipts (
  position INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  number TEXT NOT NULL UNIQUE,
  issue_key TEXT NOT NULL UNIQUE,
  year INTEGER NOT NULL,
  sequence INTEGER NOT NULL,
  kind TEXT NOT NULL,
  replaces TEXT,
  email TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  data TEXT NOT NULL,
  UNIQUE (year, sequence)
);
CREATE INDEX IF NOT EXISTS guichet_receipts_year ON guichet_receipts (year);
CREATE INDEX IF NOT EXISTS guichet_receipts_email ON guichet_receipts (email);
CREATE UNIQUE INDEX IF NOT EXISTS guichet_receipts_replaces ON guichet_receipts (replaces) WHERE replaces IS NOT NULL;
CREATE TABLE IF NOT EXISTS guichet_receipt_orders (
  order_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (order_id, position)
);
CREATE TRIGGER IF NOT EXISTS guichet_receipts_no_update BEFORE UPDATE ON guichet_receipts
BEGIN SELECT RAISE(ABORT, 'guichet_receipts is append-only'); END;
CREATE TRIGGER IF NOT EXISTS guichet_receipts_no_delete BEFORE DELETE ON guichet_receipts
BEGIN SELECT RAISE(ABORT, 'guichet_receipts is append-only'); END;
SQL
        );
    }
}
