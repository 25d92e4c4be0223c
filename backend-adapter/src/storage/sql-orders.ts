import { toMember, toOrder, toTicket } from './rows';
import type { Queryable, SqlDriver } from './sql-driver';
import { noteHistory } from './sql-history';
import type { CheckInResult, MemberRecord, OrderRecord, TicketRecord } from './types';

/** The statuses whose orders count against a promo code's number of uses. */
const PROMO_COUNTED = "('pending', 'paid')";

/** Reading orders one by one, the figures a form shows, the reconciliation sweep's queues, the door check-in. */

export async function getOrder(db: SqlDriver, site: string, orderId: string): Promise<OrderRecord | null> {
  const [row] = await db.all('SELECT * FROM orders WHERE site = ? AND id = ?', [site, orderId]);
  return row ? toOrder(row) : null;
}

export async function orderItems(
  db: SqlDriver,
  orderId: string,
): Promise<{ members: MemberRecord[]; tickets: TicketRecord[] }> {
  const members = await db.all('SELECT * FROM members WHERE order_id = ? ORDER BY position', [orderId]);
  const tickets = await db.all('SELECT * FROM tickets WHERE order_id = ? ORDER BY position', [orderId]);
  return { members: members.map(toMember), tickets: tickets.map(toTicket) };
}

export async function promoUses(db: Queryable, site: string, formId: string, code: string): Promise<number> {
  const [row] = await db.all<{ n: number }>(
    `SELECT COUNT(*) AS n FROM orders WHERE site = ? AND form_id = ? AND promo_code = ? AND status IN ${PROMO_COUNTED}`,
    [site, formId, code],
  );
  return Number(row?.n ?? 0);
}

/**
 * A code's uses counted inside an order's transaction, after taking a lock on that code (PostgreSQL: an advisory
 * lock held until commit; SQLite's write lock already serialises the transactions), so that no other order with
 * the code can be inserted between the count and our insert.
 */
export async function promoUsesLocked(
  db: SqlDriver,
  q: Queryable,
  site: string,
  formId: string,
  code: string,
): Promise<number> {
  if (db.dialect === 'postgres') {
    await q.all('SELECT pg_advisory_xact_lock(hashtext(?)) AS locked', [
      `promo\n${site}\n${formId}\n${code}`,
    ]);
  }
  return promoUses(q, site, formId, code);
}

export async function raisedAmount(db: SqlDriver, site: string, formId: string): Promise<number> {
  const [row] = await db.all<{ raised: number }>(
    "SELECT COALESCE(SUM(total - refunded), 0) AS raised FROM orders WHERE site = ? AND form_id = ? AND status = 'paid'",
    [site, formId],
  );
  return Number(row?.raised ?? 0);
}

export async function duePending(db: SqlDriver, now: Date, limit: number): Promise<OrderRecord[]> {
  const rows = await db.all(
    "SELECT * FROM orders WHERE status = 'pending' AND expires_at IS NOT NULL AND expires_at <= ? ORDER BY expires_at LIMIT ?",
    [now.getTime(), limit],
  );
  return rows.map(toOrder);
}

export async function pendingWithProvider(
  db: SqlDriver,
  before: Date,
  limit: number,
): Promise<OrderRecord[]> {
  const rows = await db.all(
    `SELECT * FROM orders WHERE status = 'pending' AND provider_ref IS NOT NULL AND created_at <= ?
      AND (checked_at IS NULL OR checked_at <= ?) ORDER BY COALESCE(checked_at, 0), created_at LIMIT ?`,
    [before.getTime(), before.getTime(), limit],
  );
  return rows.map(toOrder);
}

export async function markChecked(db: SqlDriver, orderId: string, now: Date): Promise<void> {
  await db.run('UPDATE orders SET checked_at = ? WHERE id = ?', [now.getTime(), orderId]);
}

export async function checkIn(
  db: SqlDriver,
  site: string,
  ticket: { id?: string; code?: string },
  now: Date,
): Promise<CheckInResult> {
  const [key, value] = ticket.id !== undefined ? ['t.id', ticket.id] : ['t.code', ticket.code ?? ''];
  return db.transaction(async (q): Promise<CheckInResult> => {
    const [row] = await q.all<Record<string, unknown> & { order_status: string }>(
      `SELECT t.*, o.status AS order_status FROM tickets t JOIN orders o ON o.id = t.order_id WHERE o.site = ? AND ${key} = ?`,
      [site, value],
    );
    if (!row) return { type: 'not_found' };
    const found = toTicket(row);
    if (row.order_status !== 'paid')
      return { type: 'not_paid', ticket: found, status: row.order_status as 'pending' };
    const changed = await q.run(
      'UPDATE tickets SET checked_in_at = ? WHERE id = ? AND checked_in_at IS NULL',
      [now.getTime(), found.id],
    );
    if (changed === 0) return { type: 'already_checked_in', ticket: found };
    await noteHistory(
      q,
      found.orderId,
      now,
      { source: 'admin', action: 'checked_in', detail: found.code },
      null,
      null,
    );
    return { type: 'checked_in', ticket: { ...found, checkedInAt: now } };
  });
}
