import type { NextAction } from '../protocol';
import { ORDER_COLUMNS, memberValues, orderValues, placeholders, ticketValues } from './rows';
import type { SqlDriver } from './sql-driver';
import { noteHistory } from './sql-history';
import { promoUsesLocked } from './sql-orders';
import { seatsAvailable } from './sql-stock';
import type { CreateOrderResult, IdempotencyRecord, NewOrder } from './types';

const INSERT_ORDER = `INSERT INTO orders (${ORDER_COLUMNS.join(', ')}) VALUES (${placeholders(ORDER_COLUMNS.length)})`;
const INSERT_MEMBER =
  'INSERT INTO members (id, order_id, tier_id, position, first_name, last_name, email, birth_date, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';
const INSERT_TICKET =
  'INSERT INTO tickets (id, order_id, type_id, position, first_name, last_name, code, checked_in_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
/**
 * An order's start: stored with its seats held, its promo code's uses checked and its idempotency key claimed
 * in one transaction, then the provider's answer recorded, or the order abandoned when the provider failed.
 */

export async function findIdempotency(
  db: SqlDriver,
  site: string,
  key: string,
): Promise<IdempotencyRecord | null> {
  const [row] = await db.all<{
    idem_key: string;
    request_hash: string;
    order_id: string;
    response: string | null;
  }>(
    'SELECT idem_key, request_hash, order_id, response FROM idempotency_keys WHERE site = ? AND idem_key = ?',
    [site, key],
  );
  return row
    ? {
        key: row.idem_key,
        requestHash: row.request_hash,
        orderId: row.order_id,
        response: row.response === null ? null : (JSON.parse(row.response) as unknown),
      }
    : null;
}

export async function createOrder(db: SqlDriver, input: NewOrder, now: Date): Promise<CreateOrderResult> {
  const { order } = input;
  const holdUntil = order.expiresAt?.getTime() ?? null;
  if (input.seats.length > 0 && holdUntil === null) throw new Error('seats need an expiry date');
  const taken = await db.transaction(async (q): Promise<CreateOrderResult | null> => {
    // The code's lock comes before any stock row's, in every transaction: no cycle of waits.
    if (input.promo) {
      const uses = await promoUsesLocked(db, q, order.site, order.formId, input.promo.code);
      if (uses >= input.promo.maxUses) return { ok: false, reason: 'promo_code_exhausted' };
    }
    // Lock the stock rows in a fixed order, so two buyers of the same types never wait on each other in a cycle.
    const seats = [...input.seats].sort((a, b) => (a.typeId < b.typeId ? -1 : a.typeId > b.typeId ? 1 : 0));
    for (const seat of seats) {
      const available = await seatsAvailable(db, q, order.site, order.formId, seat.typeId, now);
      if (available !== null && available < seat.quantity) {
        return {
          ok: false,
          reason: 'not_enough_available',
          typeId: seat.typeId,
          available: Math.max(0, available),
        };
      }
    }
    if (input.idempotency) {
      const inserted = await q.run(
        'INSERT INTO idempotency_keys (site, idem_key, request_hash, order_id, response, created_at) VALUES (?, ?, ?, ?, NULL, ?) ON CONFLICT (site, idem_key) DO NOTHING',
        [order.site, input.idempotency.key, input.idempotency.requestHash, order.id, now.getTime()],
      );
      if (inserted === 0) return null;
    }
    for (const seat of seats) {
      await q.run(
        'INSERT INTO holds (order_id, site, form_id, type_id, quantity, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
        [order.id, order.site, order.formId, seat.typeId, seat.quantity, holdUntil],
      );
    }
    await q.run(INSERT_ORDER, orderValues(order));
    for (const member of input.members) await q.run(INSERT_MEMBER, memberValues(member));
    for (const ticket of input.tickets) await q.run(INSERT_TICKET, ticketValues(ticket));
    await noteHistory(q, order.id, now, { source: 'system', action: 'created' }, null, order.status);
    return { ok: true };
  });
  if (taken) return taken;
  // Another request with the same key committed first: nothing of ours was written.
  const existing = await findIdempotency(db, order.site, input.idempotency?.key ?? '');
  if (!existing) throw new Error('idempotency key vanished');
  return { ok: false, reason: 'idempotency_key_taken', existing };
}

export async function recordPaymentStart(
  db: SqlDriver,
  site: string,
  orderId: string,
  start: { providerRef: string | null; next: NextAction | null; expiresAt: Date | null },
  idempotent?: { key: string; response: unknown },
): Promise<void> {
  await db.transaction(async (q) => {
    const expires = start.expiresAt?.getTime() ?? null;
    await q.run(
      'UPDATE orders SET provider_ref = ?, next_action = ?, expires_at = COALESCE(?, expires_at) WHERE site = ? AND id = ?',
      [start.providerRef, start.next ? JSON.stringify(start.next) : null, expires, site, orderId],
    );
    // The seats stay held for as long as the provider lets the payer pay (a Stripe session lasts ≥ 30 min).
    if (expires !== null) {
      await q.run('UPDATE holds SET expires_at = ? WHERE order_id = ? AND expires_at < ?', [
        expires,
        orderId,
        expires,
      ]);
    }
    if (idempotent) {
      await q.run('UPDATE idempotency_keys SET response = ? WHERE site = ? AND idem_key = ?', [
        JSON.stringify(idempotent.response),
        site,
        idempotent.key,
      ]);
    }
  });
}

export async function abandonOrder(
  db: SqlDriver,
  site: string,
  orderId: string,
  failureCode: string,
  now: Date,
): Promise<void> {
  await db.transaction(async (q) => {
    const changed = await q.run(
      "UPDATE orders SET status = 'failed', failure_code = ?, next_action = NULL, updated_at = ? WHERE site = ? AND id = ? AND status = 'pending'",
      [failureCode, now.getTime(), site, orderId],
    );
    await q.run('DELETE FROM holds WHERE order_id = ?', [orderId]);
    await q.run('DELETE FROM idempotency_keys WHERE site = ? AND order_id = ?', [site, orderId]);
    if (changed > 0) {
      await noteHistory(
        q,
        orderId,
        now,
        { source: 'system', action: 'abandoned', detail: failureCode },
        'pending',
        'failed',
      );
    }
  });
}
