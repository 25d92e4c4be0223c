import { randomBytes } from 'node:crypto';
import { formatReceiptNumber, GENESIS_HASH, receiptHash } from '../domain/receipts';
import type { ReceiptDocument, ReceiptDraft, ReceiptKind, ReceiptRecord } from '../domain/receipts/types';
import type { Queryable, SqlDriver, SqlValue } from './sql-driver';
import { ReceiptReplaceError, type IssuedReceiptResult, type ReceiptFilter } from './types';

type Row = Record<string, unknown>;

const INSERT_RECEIPT = `INSERT INTO receipts (site, id, number, prefix, year, sequence, position, kind, issue_key, replaces,
  order_ids, email, donor_name, amount, currency, issued_at, document, prev_hash, hash)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * Issues a receipt, or returns the one already issued under its issueKey. Everything that must not leave a
 * hole or a fork — the year's next sequence, the ledger's next position and the previous hash — is read and
 * advanced in the transaction that inserts the row, after locking the site's ledger row (FOR UPDATE on
 * PostgreSQL; SQLite's BEGIN IMMEDIATE already holds the database's write lock). A failed insert rolls the
 * counters back with it.
 */
export async function issueReceipt(
  db: SqlDriver,
  site: string,
  draft: ReceiptDraft,
): Promise<IssuedReceiptResult> {
  // Replays (a webhook delivered twice, the catch-up run) are the common case: answer them without a lock.
  const known = await findReceiptByIssueKey(db, site, draft.issueKey);
  if (known) return { record: known, created: false };
  return db.transaction(async (q) => {
    await q.run(
      'INSERT INTO receipt_ledger (site, position, hash) VALUES (?, 0, ?) ON CONFLICT (site) DO NOTHING',
      [site, GENESIS_HASH],
    );
    const [head] = await q.all<{ position: number; hash: string }>(
      `SELECT position, hash FROM receipt_ledger WHERE site = ?${db.forUpdate}`,
      [site],
    );
    if (!head) throw new Error(`receipt ledger row missing for ${site}`);
    // Asked again under the lock: a concurrent issuer of the same key has committed by now, or never will.
    const [raced] = await q.all('SELECT * FROM receipts WHERE site = ? AND issue_key = ?', [
      site,
      draft.issueKey,
    ]);
    if (raced) return { record: toReceipt(raced), created: false };
    if (draft.replaces !== null) await checkReplaceable(q, site, draft.replaces);
    const [counter] = await q.all<{ last: number }>(
      `INSERT INTO receipt_counters (site, year, last) VALUES (?, ?, 1)
        ON CONFLICT (site, year) DO UPDATE SET last = receipt_counters.last + 1 RETURNING last`,
      [site, draft.year],
    );
    if (!counter) throw new Error('receipt counter not returned');
    const sequence = Number(counter.last);
    const unsigned: Omit<ReceiptRecord, 'hash'> = {
      ...draft,
      orderIds: [...draft.orderIds],
      id: `rcp_${randomBytes(12).toString('hex')}`,
      number: formatReceiptNumber({ year: draft.year, sequence }, draft.prefix ?? undefined),
      sequence,
      position: Number(head.position) + 1,
      prevHash: head.hash,
    };
    const record: ReceiptRecord = { ...unsigned, hash: receiptHash(head.hash, unsigned) };
    await q.run(INSERT_RECEIPT, receiptValues(site, record));
    for (const orderId of new Set(record.orderIds)) {
      await q.run('INSERT INTO receipt_orders (site, order_id, receipt_id, position) VALUES (?, ?, ?, ?)', [
        site,
        orderId,
        record.id,
        record.position,
      ]);
    }
    await q.run('UPDATE receipt_ledger SET position = ?, hash = ? WHERE site = ?', [
      record.position,
      record.hash,
      site,
    ]);
    return { record, created: true };
  });
}

async function checkReplaceable(q: Queryable, site: string, number: string): Promise<void> {
  const [target] = await q.all('SELECT id FROM receipts WHERE site = ? AND number = ?', [site, number]);
  if (!target) throw new ReceiptReplaceError('not_found', number);
  const [replaced] = await q.all('SELECT id FROM receipts WHERE site = ? AND replaces = ?', [site, number]);
  if (replaced) throw new ReceiptReplaceError('already_replaced', number);
}

export async function findReceipt(db: Queryable, site: string, id: string): Promise<ReceiptRecord | null> {
  const [row] = await db.all('SELECT * FROM receipts WHERE site = ? AND id = ?', [site, id]);
  return row ? toReceipt(row) : null;
}

export async function findReceiptByNumber(
  db: Queryable,
  site: string,
  number: string,
): Promise<ReceiptRecord | null> {
  const [row] = await db.all('SELECT * FROM receipts WHERE site = ? AND number = ?', [site, number]);
  return row ? toReceipt(row) : null;
}

export async function findReceiptByIssueKey(
  db: Queryable,
  site: string,
  issueKey: string,
): Promise<ReceiptRecord | null> {
  const [row] = await db.all('SELECT * FROM receipts WHERE site = ? AND issue_key = ?', [site, issueKey]);
  return row ? toReceipt(row) : null;
}

export async function listReceipts(
  db: Queryable,
  site: string,
  filter: ReceiptFilter,
  limit: number,
  offset = 0,
): Promise<ReceiptRecord[]> {
  const w = where(site, filter);
  const rows = await db.all(
    `SELECT r.* FROM receipts r WHERE ${w.sql} ORDER BY r.position LIMIT ? OFFSET ?`,
    [...w.params, limit, offset],
  );
  return rows.map(toReceipt);
}

export async function countReceipts(db: Queryable, site: string, filter: ReceiptFilter): Promise<number> {
  const w = where(site, filter);
  const [row] = await db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM receipts r WHERE ${w.sql}`, w.params);
  return Number(row?.n ?? 0);
}

export async function receiptsInLedgerOrder(
  db: Queryable,
  site: string,
  after: number,
  limit: number,
): Promise<ReceiptRecord[]> {
  const rows = await db.all(
    'SELECT * FROM receipts WHERE site = ? AND position > ? ORDER BY position LIMIT ?',
    [site, after, limit],
  );
  return rows.map(toReceipt);
}

function where(site: string, filter: ReceiptFilter): { sql: string; params: SqlValue[] } {
  const parts = ['r.site = ?'];
  const params: SqlValue[] = [site];
  const add = (condition: string, value: SqlValue) => {
    parts.push(condition);
    params.push(value);
  };
  if (filter.year !== undefined) add('r.year = ?', filter.year);
  if (filter.kind !== undefined) add('r.kind = ?', filter.kind);
  if (filter.email !== undefined) add('LOWER(r.email) = ?', filter.email.toLowerCase());
  if (filter.replaces !== undefined) add('r.replaces = ?', filter.replaces);
  if (filter.orderId !== undefined) {
    add(
      'EXISTS (SELECT 1 FROM receipt_orders ro WHERE ro.site = r.site AND ro.receipt_id = r.id AND ro.order_id = ?)',
      filter.orderId,
    );
  }
  return { sql: parts.join(' AND '), params };
}

function receiptValues(site: string, r: ReceiptRecord): SqlValue[] {
  return [
    site,
    r.id,
    r.number,
    r.prefix,
    r.year,
    r.sequence,
    r.position,
    r.kind,
    r.issueKey,
    r.replaces,
    JSON.stringify(r.orderIds),
    r.email,
    r.donorName,
    r.amount,
    r.currency,
    r.issuedAt.getTime(),
    JSON.stringify(r.document),
    r.prevHash,
    r.hash,
  ];
}

export function toReceipt(row: Row): ReceiptRecord {
  return {
    id: String(row.id),
    number: String(row.number),
    prefix: row.prefix === null || row.prefix === undefined ? null : String(row.prefix),
    year: Number(row.year),
    sequence: Number(row.sequence),
    position: Number(row.position),
    kind: String(row.kind) as ReceiptKind,
    issueKey: String(row.issue_key),
    replaces: row.replaces === null || row.replaces === undefined ? null : String(row.replaces),
    orderIds: JSON.parse(String(row.order_ids)) as string[],
    email: String(row.email),
    donorName: String(row.donor_name),
    amount: Number(row.amount),
    currency: String(row.currency) as 'EUR',
    issuedAt: new Date(Number(row.issued_at)),
    document: JSON.parse(String(row.document)) as ReceiptDocument,
    prevHash: String(row.prev_hash),
    hash: String(row.hash),
  };
}
