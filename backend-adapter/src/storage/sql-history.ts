import { randomBytes } from 'node:crypto';
import { toHistory } from './rows';
import type { Queryable, SqlValue } from './sql-driver';
import type { HistoryEntry, OrderChange } from './types';

const INSERT_HISTORY =
  'INSERT INTO order_history (id, order_id, at, source, action, from_status, to_status, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';

/** An order's history lines, oldest first. */
export async function history(db: Queryable, orderId: string): Promise<HistoryEntry[]> {
  const rows = await db.all('SELECT * FROM order_history WHERE order_id = ? ORDER BY at, id', [orderId]);
  return rows.map(toHistory);
}

/** One line of an order's history, written inside the caller's transaction. */
export async function noteHistory(
  q: Queryable,
  orderId: string,
  now: Date,
  note: OrderChange['note'],
  from: string | null,
  to: string | null,
): Promise<void> {
  const values: SqlValue[] = [
    sortableId(now),
    orderId,
    now.getTime(),
    note.source,
    note.action,
    from,
    to,
    note.detail ?? null,
  ];
  await q.run(INSERT_HISTORY, values);
}

let sequence = 0;

/** History ids sort in the order the lines were written, even within one millisecond. */
function sortableId(now: Date): string {
  sequence = (sequence + 1) % 36 ** 4;
  return `${now.getTime().toString(36).padStart(9, '0')}${sequence.toString(36).padStart(4, '0')}${randomBytes(4).toString('hex')}`;
}
