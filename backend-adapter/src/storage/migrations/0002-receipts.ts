import type { Migration } from './migration';

/**
 * Tax receipts (docs/receipts.md). `receipts` is the ledger: rows are only ever inserted. Numbers and ledger
 * positions come from `receipt_counters` and `receipt_ledger`, updated in the inserting transaction under the
 * site's ledger row lock, never from a database sequence (a rolled-back sequence value would leave a hole).
 * `receipt_orders` indexes which orders each receipt covers (an annual receipt covers several).
 */
export const receipts: Migration = {
  version: 2,
  name: 'receipts',
  statements: [
    `CREATE TABLE receipts (
      site TEXT NOT NULL,
      id TEXT NOT NULL,
      number TEXT NOT NULL,
      prefix TEXT,
      year INTEGER NOT NULL,
      sequence INTEGER NOT NULL CHECK (sequence > 0),
      position INTEGER NOT NULL CHECK (position > 0),
      kind TEXT NOT NULL,
      issue_key TEXT NOT NULL,
      replaces TEXT,
      order_ids TEXT NOT NULL,
      email TEXT NOT NULL,
      donor_name TEXT NOT NULL,
      amount BIGINT NOT NULL CHECK (amount >= 0),
      currency TEXT NOT NULL,
      issued_at BIGINT NOT NULL,
      document TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL,
      PRIMARY KEY (site, id),
      UNIQUE (site, year, sequence),
      UNIQUE (site, position),
      UNIQUE (site, issue_key),
      UNIQUE (site, number)
    )`,
    // A receipt is replaced (corrected or cancelled) at most once; the replacement is corrected in turn.
    'CREATE UNIQUE INDEX receipts_replaced_once ON receipts (site, replaces) WHERE replaces IS NOT NULL',
    'CREATE INDEX receipts_by_email ON receipts (site, email)',
    `CREATE TABLE receipt_orders (
      site TEXT NOT NULL,
      order_id TEXT NOT NULL,
      receipt_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (site, order_id, receipt_id)
    )`,
    `CREATE TABLE receipt_counters (
      site TEXT NOT NULL,
      year INTEGER NOT NULL,
      last INTEGER NOT NULL CHECK (last > 0),
      PRIMARY KEY (site, year)
    )`,
    `CREATE TABLE receipt_ledger (
      site TEXT PRIMARY KEY,
      position INTEGER NOT NULL,
      hash TEXT NOT NULL
    )`,
  ],
  // The application never updates or deletes a receipt; these make a slip (or a hand-typed statement) fail
  // loudly. Someone who drops them can still alter a row, which verifyReceiptChain then reports.
  sqlite: [
    "CREATE TRIGGER receipts_no_update BEFORE UPDATE ON receipts BEGIN SELECT RAISE(ABORT, 'receipts are append-only'); END",
    "CREATE TRIGGER receipts_no_delete BEFORE DELETE ON receipts BEGIN SELECT RAISE(ABORT, 'receipts are append-only'); END",
  ],
  postgres: [
    `CREATE FUNCTION receipts_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'receipts are append-only'; END $$`,
    `CREATE TRIGGER receipts_append_only BEFORE UPDATE OR DELETE ON receipts
      FOR EACH ROW EXECUTE FUNCTION receipts_append_only()`,
  ],
};
