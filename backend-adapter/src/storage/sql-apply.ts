import { toOrder } from './rows';
import type { Queryable, SqlDriver } from './sql-driver';
import { noteHistory } from './sql-history';
import { moveSeats } from './sql-stock';
import type { ApplyOutcome, ApplyRequest, OrderChange, OrderRecord } from './types';

const REF_COLUMNS = {
  provider: 'provider_ref',
  payment: 'payment_ref',
  subscription: 'subscription_ref',
} as const;

/** One event or back-office action applied to one order, at most once per event id. */
export function applyToOrder(db: SqlDriver, request: ApplyRequest): Promise<ApplyOutcome> {
  const { site, once, now } = request;
  return db
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
          ? await q.all(`SELECT * FROM orders WHERE site = ? AND id = ?${db.forUpdate}`, [
              site,
              target.orderId,
            ])
          : await q.all(
              `SELECT * FROM orders WHERE site = ? AND provider = ? AND ${REF_COLUMNS[target.refKind]} = ?
                ORDER BY created_at DESC LIMIT 1${db.forUpdate}`,
              [site, target.provider, target.ref],
            );
      // Unknown order: claim nothing, so a provider retrying later (or another integration's event) is not lost.
      if (!row) throw new NotFound();
      const order = toOrder(row);
      const decision = request.decide(order);
      let outcome: string;
      let updated = order;
      if (decision.type === 'change') {
        updated = await changeOrder(q, order, decision.change, now);
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

export async function changeOrder(
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
  await noteHistory(q, order.id, now, change.note, to ? order.status : null, to);
  if (change.seats) await moveSeats(q, order, change.seats, now);
  return updated;
}

class NotFound extends Error {}
