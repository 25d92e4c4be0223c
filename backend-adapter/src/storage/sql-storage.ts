import { randomBytes } from 'node:crypto';
import type { NextAction } from '../protocol';
import { migrate } from './migrate';
import {
  ORDER_COLUMNS,
  memberValues,
  orderValues,
  placeholders,
  ticketValues,
  toHistory,
  toMember,
  toOrder,
  toTicket,
} from './rows';
import { exportOrders, listAttendees, listMembers, listOrders } from './sql-lists';
import type { Queryable, SqlDriver, SqlValue } from './sql-driver';
import type {
  ApplyOutcome,
  ApplyRequest,
  CheckInResult,
  CreateOrderResult,
  HistoryEntry,
  IdempotencyRecord,
  MemberRecord,
  NewOrder,
  OrderChange,
  OrderFilter,
  OrderRecord,
  Page,
  SeatEffect,
  StockLevel,
  Storage,
  TicketRecord,
} from './types';

const INSERT_ORDER = `INSERT INTO orders (${ORDER_COLUMNS.join(', ')}) VALUES (${placeholders(ORDER_COLUMNS.length)})`;
const INSERT_MEMBER =
  'INSERT INTO members (id, order_id, tier_id, position, first_name, last_name, email, birth_date, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';
const INSERT_TICKET =
  'INSERT INTO tickets (id, order_id, type_id, position, first_name, last_name, code, checked_in_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
const INSERT_HISTORY =
  'INSERT INTO order_history (id, order_id, at, source, action, from_status, to_status, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';

const REF_COLUMNS = {
  provider: 'provider_ref',
  payment: 'payment_ref',
  subscription: 'subscription_ref',
} as const;

/** The statuses whose orders count against a promo code's number of uses. */
const PROMO_COUNTED = "('pending', 'paid')";

/**
 * The one Storage implementation: portable SQL over a driver (SQLite or PostgreSQL). What must be atomic —
 * reserving seats, applying an event once — happens inside one driver transaction, with the stock rows
 * locked on PostgreSQL (SELECT … FOR UPDATE) and the whole database write-locked on SQLite (BEGIN IMMEDIATE).
 */
export class SqlStorage implements Storage {
  constructor(private readonly db: SqlDriver) {}

  get dialect(): 'sqlite' | 'postgres' {
    return this.db.dialect;
  }

  migrate(): Promise<number> {
    return migrate(this.db);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  async syncStock(
    site: string,
    formId: string,
    types: { typeId: string; quota: number | null }[],
  ): Promise<void> {
    await this.db.transaction(async (q) => {
      for (const { typeId, quota } of types) {
        await q.run(
          'INSERT INTO stock (site, form_id, type_id, quota, sold) VALUES (?, ?, ?, ?, 0) ON CONFLICT (site, form_id, type_id) DO UPDATE SET quota = excluded.quota',
          [site, formId, typeId, quota],
        );
      }
    });
  }

  async stock(site: string, formId: string, now: Date): Promise<StockLevel[]> {
    const rows = await this.db.all<{ type_id: string; quota: number | null; sold: number; held: number }>(
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

  async promoUses(site: string, formId: string, code: string): Promise<number> {
    const [row] = await this.db.all<{ n: number }>(
      `SELECT COUNT(*) AS n FROM orders WHERE site = ? AND form_id = ? AND promo_code = ? AND status IN ${PROMO_COUNTED}`,
      [site, formId, code],
    );
    return Number(row?.n ?? 0);
  }

  async raisedAmount(site: string, formId: string): Promise<number> {
    const [row] = await this.db.all<{ raised: number }>(
      "SELECT COALESCE(SUM(total - refunded), 0) AS raised FROM orders WHERE site = ? AND form_id = ? AND status = 'paid'",
      [site, formId],
    );
    return Number(row?.raised ?? 0);
  }

  async findIdempotency(site: string, key: string): Promise<IdempotencyRecord | null> {
    const [row] = await this.db.all<{
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

  async createOrder(input: NewOrder, now: Date): Promise<CreateOrderResult> {
    const { order } = input;
    const holdUntil = order.expiresAt?.getTime() ?? null;
    if (input.seats.length > 0 && holdUntil === null) throw new Error('seats need an expiry date');
    const taken = await this.db.transaction(async (q): Promise<CreateOrderResult | null> => {
      // Lock the stock rows in a fixed order, so two buyers of the same types never wait on each other in a cycle.
      const seats = [...input.seats].sort((a, b) => (a.typeId < b.typeId ? -1 : a.typeId > b.typeId ? 1 : 0));
      for (const seat of seats) {
        const available = await this.available(q, order.site, order.formId, seat.typeId, now);
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
      await this.note(q, order.id, now, { source: 'system', action: 'created' }, null, order.status);
      return { ok: true };
    });
    if (taken) return taken;
    // Another request with the same key committed first: nothing of ours was written.
    const existing = await this.findIdempotency(order.site, input.idempotency?.key ?? '');
    if (!existing) throw new Error('idempotency key vanished');
    return { ok: false, reason: 'idempotency_key_taken', existing };
  }

  async recordPaymentStart(
    site: string,
    orderId: string,
    start: { providerRef: string | null; next: NextAction | null; expiresAt: Date | null },
    idempotent?: { key: string; response: unknown },
  ): Promise<void> {
    await this.db.transaction(async (q) => {
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

  async abandonOrder(site: string, orderId: string, failureCode: string, now: Date): Promise<void> {
    await this.db.transaction(async (q) => {
      const changed = await q.run(
        "UPDATE orders SET status = 'failed', failure_code = ?, next_action = NULL, updated_at = ? WHERE site = ? AND id = ? AND status = 'pending'",
        [failureCode, now.getTime(), site, orderId],
      );
      await q.run('DELETE FROM holds WHERE order_id = ?', [orderId]);
      await q.run('DELETE FROM idempotency_keys WHERE site = ? AND order_id = ?', [site, orderId]);
      if (changed > 0) {
        await this.note(
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

  async getOrder(site: string, orderId: string): Promise<OrderRecord | null> {
    const [row] = await this.db.all('SELECT * FROM orders WHERE site = ? AND id = ?', [site, orderId]);
    return row ? toOrder(row) : null;
  }

  async orderItems(orderId: string): Promise<{ members: MemberRecord[]; tickets: TicketRecord[] }> {
    const members = await this.db.all('SELECT * FROM members WHERE order_id = ? ORDER BY position', [
      orderId,
    ]);
    const tickets = await this.db.all('SELECT * FROM tickets WHERE order_id = ? ORDER BY position', [
      orderId,
    ]);
    return { members: members.map(toMember), tickets: tickets.map(toTicket) };
  }

  async history(orderId: string): Promise<HistoryEntry[]> {
    const rows = await this.db.all('SELECT * FROM order_history WHERE order_id = ? ORDER BY at, id', [
      orderId,
    ]);
    return rows.map(toHistory);
  }

  apply(request: ApplyRequest): Promise<ApplyOutcome> {
    const { site, once, now } = request;
    return this.db
      .transaction(async (q): Promise<ApplyOutcome> => {
        if (once) {
          // Claiming the event id first makes a concurrent delivery of the same event wait here, then see a duplicate.
          const claimed = await q.run(
            "INSERT INTO applied_events (site, source, event_id, event_type, order_id, outcome, applied_at) VALUES (?, ?, ?, ?, NULL, 'claimed', ?) ON CONFLICT (site, source, event_id) DO NOTHING",
            [site, once.source, once.id, once.type, now.getTime()],
          );
          if (claimed === 0) return { type: 'duplicate' };
        }
        const target = request.target;
        const [row] =
          'orderId' in target
            ? await q.all(`SELECT * FROM orders WHERE site = ? AND id = ?${this.db.forUpdate}`, [
                site,
                target.orderId,
              ])
            : await q.all(
                `SELECT * FROM orders WHERE site = ? AND provider = ? AND ${REF_COLUMNS[target.refKind]} = ?
                  ORDER BY created_at DESC LIMIT 1${this.db.forUpdate}`,
                [site, target.provider, target.ref],
              );
        // Unknown order: claim nothing, so a provider retrying later (or another integration's event) is not lost.
        if (!row) throw new NotFound();
        const order = toOrder(row);
        const decision = request.decide(order);
        let outcome: string;
        let updated = order;
        if (decision.type === 'change') {
          updated = await this.change(q, order, decision.change, now);
          outcome =
            decision.change.status && decision.change.status !== order.status
              ? `→${decision.change.status}`
              : 'updated';
        } else {
          outcome = decision.type === 'ignore' ? `ignored:${decision.reason}` : `rejected:${decision.code}`;
        }
        if (once) {
          await q.run(
            'UPDATE applied_events SET order_id = ?, outcome = ? WHERE site = ? AND source = ? AND event_id = ?',
            [order.id, outcome, site, once.source, once.id],
          );
        }
        return { type: 'applied', order: updated, decision };
      })
      .catch((err: unknown) => {
        if (err instanceof NotFound) return { type: 'order_not_found' as const };
        throw err;
      });
  }

  async duePending(now: Date, limit: number): Promise<OrderRecord[]> {
    const rows = await this.db.all(
      "SELECT * FROM orders WHERE status = 'pending' AND expires_at IS NOT NULL AND expires_at <= ? ORDER BY expires_at LIMIT ?",
      [now.getTime(), limit],
    );
    return rows.map(toOrder);
  }

  async pendingWithProvider(before: Date, limit: number): Promise<OrderRecord[]> {
    const rows = await this.db.all(
      `SELECT * FROM orders WHERE status = 'pending' AND provider_ref IS NOT NULL AND created_at <= ?
        AND (checked_at IS NULL OR checked_at <= ?) ORDER BY COALESCE(checked_at, 0), created_at LIMIT ?`,
      [before.getTime(), before.getTime(), limit],
    );
    return rows.map(toOrder);
  }

  async markChecked(orderId: string, now: Date): Promise<void> {
    await this.db.run('UPDATE orders SET checked_at = ? WHERE id = ?', [now.getTime(), orderId]);
  }

  listOrders(site: string, filter: OrderFilter, page: Page) {
    return listOrders(this.db, site, filter, page);
  }

  exportOrders(site: string, filter: OrderFilter, page: Page) {
    return exportOrders(this.db, site, filter, page);
  }

  listMembers(site: string, filter: OrderFilter, page: Page) {
    return listMembers(this.db, site, filter, page);
  }

  listAttendees(site: string, filter: OrderFilter, page: Page) {
    return listAttendees(this.db, site, filter, page);
  }

  async checkIn(site: string, ticket: { id?: string; code?: string }, now: Date): Promise<CheckInResult> {
    const [key, value] = ticket.id !== undefined ? ['t.id', ticket.id] : ['t.code', ticket.code ?? ''];
    return this.db.transaction(async (q): Promise<CheckInResult> => {
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
      await this.note(
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

  /** Seats quota − sold − live holds for one type, its stock row locked; null when the type has no quota. */
  private async available(
    q: Queryable,
    site: string,
    formId: string,
    typeId: string,
    now: Date,
  ): Promise<number | null> {
    const [stock] = await q.all<{ quota: number | null; sold: number }>(
      `SELECT quota, sold FROM stock WHERE site = ? AND form_id = ? AND type_id = ?${this.db.forUpdate}`,
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

  private async change(
    q: Queryable,
    order: OrderRecord,
    change: OrderChange,
    now: Date,
  ): Promise<OrderRecord> {
    const updated: OrderRecord = {
      ...order,
      status: change.status ?? order.status,
      paidAt: change.paidAt ?? order.paidAt,
      refundedAmount: change.refundedAmount ?? order.refundedAmount,
      failureCode: change.failureCode !== undefined ? change.failureCode : order.failureCode,
      providerRef: change.providerRef ?? order.providerRef,
      paymentRef: change.paymentRef ?? order.paymentRef,
      subscriptionRef: change.subscriptionRef ?? order.subscriptionRef,
      next: change.next !== undefined ? change.next : order.next,
      updatedAt: now,
    };
    await q.run(
      `UPDATE orders SET status = ?, paid_at = ?, refunded = ?, failure_code = ?, provider_ref = ?, payment_ref = ?,
        subscription_ref = ?, next_action = ?, updated_at = ? WHERE id = ?`,
      [
        updated.status,
        updated.paidAt?.getTime() ?? null,
        updated.refundedAmount,
        updated.failureCode,
        updated.providerRef,
        updated.paymentRef,
        updated.subscriptionRef,
        updated.next ? JSON.stringify(updated.next) : null,
        now.getTime(),
        order.id,
      ],
    );
    const to = updated.status !== order.status ? updated.status : null;
    await this.note(q, order.id, now, change.note, to ? order.status : null, to);
    if (change.seats) await this.moveSeats(q, order, change.seats, now);
    return updated;
  }

  /**
   * Sold seats are counted from the order's tickets, not from its hold: a payment that lands after the hold
   * lapsed (the domain lets a late payment through, since the money was taken) still counts. If that pushes a
   * type past its quota, the order's history says so for the treasurer.
   */
  private async moveSeats(q: Queryable, order: OrderRecord, effect: SeatEffect, now: Date): Promise<void> {
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
          await this.note(q, order.id, now, { source: 'system', action: 'oversold', detail }, null, null);
        }
      } else {
        await q.run(
          'UPDATE stock SET sold = CASE WHEN sold >= ? THEN sold - ? ELSE 0 END WHERE site = ? AND form_id = ? AND type_id = ?',
          [Number(n), Number(n), ...key],
        );
      }
    }
  }

  private async note(
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
}

class NotFound extends Error {}

let sequence = 0;

/** History ids sort in the order the lines were written, even within one millisecond. */
function sortableId(now: Date): string {
  sequence = (sequence + 1) % 36 ** 4;
  return `${now.getTime().toString(36).padStart(9, '0')}${sequence.toString(36).padStart(4, '0')}${randomBytes(4).toString('hex')}`;
}
