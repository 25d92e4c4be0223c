import type { Queryable, SqlDriver } from './sql-driver';
import { noteHistory } from './sql-history';
import type { OrderRecord, SeatEffect, StockLevel } from './types';

/** Seat stock: quotas per ticket type, seats sold, and the live holds of unpaid orders. */

export async function syncStock(
  db: SqlDriver,
  site: string,
  formId: string,
  types: { typeId: string; quota: number | null }[],
): Promise<void> {
  await db.transaction(async (q) => {
    for (const { typeId, quota } of types) {
      await q.run(
        'INSERT INTO stock (site, form_id, type_id, quota, sold) VALUES (?, ?, ?, ?, 0) ON CONFLICT (site, form_id, type_id) DO UPDATE SET quota = excluded.quota',
        [site, formId, typeId, quota],
      );
    }
  });
}

export async function stock(db: SqlDriver, site: string, formId: string, now: Date): Promise<StockLevel[]> {
  const rows = await db.all<{ type_id: string; quota: number | null; sold: number; held: number }>(
    `SELECT s.type_id, s.quota, s.sold,
      (SELECT COALESCE(SUM(h.quantity), 0) FROM holds h
        WHERE h.site = s.site AND h.form_id = s.form_id AND h.type_id = s.type_id AND h.expires_at > ?) AS held
    FROM stock s WHERE s.site = ? AND s.form_id = ? ORDER BY s.type_id`,
    [now.getTime(), site, formId],
  );
  return rows.map((r) => ({
    typeId: r.type_id,
    quota: r.quota === null ? null : Number(r.quota),
    sold: Number(r.sold),
    held: Number(r.held),
  }));
}

/** Seats quota − sold − live holds for one type, its stock row locked; null when the type has no quota. */
export async function seatsAvailable(
  db: SqlDriver,
  q: Queryable,
  site: string,
  formId: string,
  typeId: string,
  now: Date,
): Promise<number | null> {
  const [stock] = await q.all<{ quota: number | null; sold: number }>(
    `SELECT quota, sold FROM stock WHERE site = ? AND form_id = ? AND type_id = ?${db.forUpdate}`,
    [site, formId, typeId],
  );
  if (!stock) throw new Error(`no stock row for ${site}/${formId}/${typeId}: syncStock was not called`);
  if (stock.quota === null) return null;
  const [held] = await q.all<{ n: number }>(
    'SELECT COALESCE(SUM(quantity), 0) AS n FROM holds WHERE site = ? AND form_id = ? AND type_id = ? AND expires_at > ?',
    [site, formId, typeId, now.getTime()],
  );
  return Number(stock.quota) - Number(stock.sold) - Number(held?.n ?? 0);
}

/**
 * Sold seats are counted from the order's tickets, not from its hold: a payment that lands after the hold
 * lapsed (the domain lets a late payment through, since the money was taken) still counts. If that pushes a
 * type past its quota, the order's history says so for the treasurer.
 */
export async function moveSeats(
  q: Queryable,
  order: OrderRecord,
  effect: SeatEffect,
  now: Date,
): Promise<void> {
  if (effect === 'sell' || effect === 'release') {
    await q.run('DELETE FROM holds WHERE order_id = ?', [order.id]);
  }
  if (effect === 'release') return;
  const counts = await q.all<{ type_id: string; n: number }>(
    'SELECT type_id, COUNT(*) AS n FROM tickets WHERE order_id = ? GROUP BY type_id ORDER BY type_id',
    [order.id],
  );
  for (const { type_id, n } of counts) {
    const key = [order.site, order.formId, type_id];
    if (effect === 'sell') {
      await q.run('UPDATE stock SET sold = sold + ? WHERE site = ? AND form_id = ? AND type_id = ?', [
        Number(n),
        ...key,
      ]);
      const [stock] = await q.all<{ quota: number | null; sold: number }>(
        'SELECT quota, sold FROM stock WHERE site = ? AND form_id = ? AND type_id = ?',
        key,
      );
      if (stock && stock.quota !== null && Number(stock.sold) > Number(stock.quota)) {
        const detail = `${type_id}: ${stock.sold}/${stock.quota}`;
        await noteHistory(q, order.id, now, { source: 'system', action: 'oversold', detail }, null, null);
      }
    } else {
      await q.run(
        'UPDATE stock SET sold = CASE WHEN sold >= ? THEN sold - ? ELSE 0 END WHERE site = ? AND form_id = ? AND type_id = ?',
        [Number(n), Number(n), ...key],
      );
    }
  }
}
