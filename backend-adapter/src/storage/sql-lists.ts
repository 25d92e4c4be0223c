import { toMember, toOrder, toTicket } from './rows';
import type { SqlDriver, SqlValue } from './sql-driver';
import type { AttendeeRow, MemberRow, OrderExportRow, OrderFilter, OrderRecord, Page, PageOf } from './types';

/**
 * Back-office lists, newest first, paged by keyset (created_at, id) so a page costs the same on the
 * thousandth page as on the first, and an export can walk 100 000 orders page by page in little memory.
 */

interface Where {
  sql: string;
  params: SqlValue[];
}

/** The filter as SQL on the orders table aliased `o`. */
function where(site: string, filter: OrderFilter, defaultStatus?: string): Where {
  const parts = ['o.site = ?'];
  const params: SqlValue[] = [site];
  const statuses = filter.status?.length ? filter.status : defaultStatus ? [defaultStatus] : [];
  if (statuses.length) {
    parts.push(`o.status IN (${statuses.map(() => '?').join(', ')})`);
    params.push(...statuses);
  }
  const add = (condition: string, value: SqlValue) => {
    parts.push(condition);
    params.push(value);
  };
  if (filter.kind) add('o.kind = ?', filter.kind);
  if (filter.formId) add('o.form_id = ?', filter.formId);
  if (filter.from) add('o.created_at >= ?', filter.from.getTime());
  if (filter.to) add('o.created_at < ?', filter.to.getTime());
  if (filter.search) {
    const like = `%${filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(
      "(LOWER(o.email) LIKE ? ESCAPE '\\' OR LOWER(o.first_name || ' ' || o.last_name) LIKE ? ESCAPE '\\' OR LOWER(o.reference) LIKE ? ESCAPE '\\')",
    );
    params.push(like, like, like);
  }
  return { sql: parts.join(' AND '), params };
}

interface Cursor {
  at: number;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.at}:${cursor.id}`).toString('base64url');
}

function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  const match = /^(\d{1,16}):([A-Za-z0-9_-]{1,64})$/.exec(Buffer.from(text, 'base64url').toString('utf8'));
  return match ? { at: Number(match[1]), id: match[2] as string } : null;
}

/** Appends the keyset condition and returns the ORDER/LIMIT tail; `idColumn` breaks ties on created_at. */
function keyset(w: Where, page: Page, idColumn: string): string {
  const cursor = decodeCursor(page.after);
  if (cursor) {
    // A row-value comparison, which both databases answer with a range scan of the (site, created_at, id) index.
    w.sql += ` AND (o.created_at, ${idColumn}) < (?, ?)`;
    w.params.push(cursor.at, cursor.id);
  }
  w.params.push(page.limit + 1);
  return ` ORDER BY o.created_at DESC, ${idColumn} DESC LIMIT ?`;
}

function paged<T>(items: T[], page: Page, key: (item: T) => Cursor): PageOf<T> {
  if (items.length <= page.limit) return { items, next: null };
  const kept = items.slice(0, page.limit);
  return { items: kept, next: encodeCursor(key(kept[kept.length - 1] as T)) };
}

export async function listOrders(
  db: SqlDriver,
  site: string,
  filter: OrderFilter,
  page: Page,
): Promise<PageOf<OrderRecord>> {
  const w = where(site, filter);
  const tail = keyset(w, page, 'o.id');
  const rows = await db.all(`SELECT o.* FROM orders o WHERE ${w.sql}${tail}`, w.params);
  return paged(rows.map(toOrder), page, (o) => ({ at: o.createdAt.getTime(), id: o.id }));
}

const EXPORT_COLUMNS = [
  'id',
  'reference',
  'form_id',
  'status',
  'created_at',
  'paid_at',
  'total',
  'refunded',
  'tax_eligible',
  'currency',
  'recurring',
  'provider',
  'offline_method',
  'first_name',
  'last_name',
  'email',
  'lines',
  'request',
]
  .map((c) => `o.${c}`)
  .join(', ');

export async function exportOrders(
  db: SqlDriver,
  site: string,
  filter: OrderFilter,
  page: Page,
): Promise<PageOf<OrderExportRow>> {
  const w = where(site, filter);
  const tail = keyset(w, page, 'o.id');
  const rows = await db.all<Record<string, unknown>>(
    `SELECT ${EXPORT_COLUMNS} FROM orders o WHERE ${w.sql}${tail}`,
    w.params,
  );
  const items = rows.map((row): OrderExportRow => ({
    id: String(row.id),
    reference: String(row.reference),
    formId: String(row.form_id),
    status: row.status as OrderExportRow['status'],
    createdAt: new Date(Number(row.created_at)),
    paidAt: row.paid_at === null ? null : new Date(Number(row.paid_at)),
    total: Number(row.total),
    refundedAmount: Number(row.refunded),
    taxEligibleAmount: Number(row.tax_eligible),
    currency: String(row.currency),
    recurring: row.recurring ? { interval: row.recurring as 'month' | 'year' } : null,
    provider: String(row.provider),
    offlineMethod: (row.offline_method ?? null) as OrderExportRow['offlineMethod'],
    firstName: String(row.first_name),
    lastName: String(row.last_name),
    email: String(row.email),
    lines: JSON.parse(String(row.lines)) as OrderExportRow['lines'],
    payer: (JSON.parse(String(row.request)) as { payer: OrderExportRow['payer'] }).payer,
  }));
  return paged(items, page, (o) => ({ at: o.createdAt.getTime(), id: o.id }));
}

/** Members of paid memberships unless another status is asked for. */
export async function listMembers(
  db: SqlDriver,
  site: string,
  filter: OrderFilter,
  page: Page,
): Promise<PageOf<MemberRow>> {
  const w = where(site, { ...filter, kind: 'membership' }, 'paid');
  const tail = keyset(w, page, 'm.id');
  const rows = await db.all(
    `SELECT m.*, o.form_id AS o_form_id, o.status AS o_status, o.paid_at AS o_paid_at, o.created_at AS o_created_at,
      o.email AS o_email FROM members m JOIN orders o ON o.id = m.order_id WHERE ${w.sql}${tail}`,
    w.params,
  );
  const items = rows.map((row): MemberRow => ({
    ...toMember(row),
    formId: String(row.o_form_id),
    status: row.o_status as MemberRow['status'],
    paidAt: row.o_paid_at === null ? null : new Date(Number(row.o_paid_at)),
    createdAt: new Date(Number(row.o_created_at)),
    payerEmail: String(row.o_email),
  }));
  return paged(items, page, (m) => ({ at: m.createdAt.getTime(), id: m.id }));
}

/** Holders of paid tickets unless another status is asked for: the list printed for the door. */
export async function listAttendees(
  db: SqlDriver,
  site: string,
  filter: OrderFilter,
  page: Page,
): Promise<PageOf<AttendeeRow>> {
  const w = where(site, { ...filter, kind: 'tickets' }, 'paid');
  const tail = keyset(w, page, 't.id');
  const rows = await db.all(
    `SELECT t.*, o.form_id AS o_form_id, o.status AS o_status, o.created_at AS o_created_at, o.email AS o_email,
      o.first_name AS o_first_name, o.last_name AS o_last_name FROM tickets t JOIN orders o ON o.id = t.order_id
      WHERE ${w.sql}${tail}`,
    w.params,
  );
  const items = rows.map((row): AttendeeRow => ({
    ...toTicket(row),
    formId: String(row.o_form_id),
    status: row.o_status as AttendeeRow['status'],
    createdAt: new Date(Number(row.o_created_at)),
    payerEmail: String(row.o_email),
    payerName: `${String(row.o_first_name)} ${String(row.o_last_name)}`,
  }));
  return paged(items, page, (t) => ({ at: t.createdAt.getTime(), id: t.id }));
}
