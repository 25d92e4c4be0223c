import type { Locale } from '../protocol';
import { formatMoney } from '../domain';
import { isRefunder } from '../providers';
import type { CheckInResult, OrderRecord } from '../storage';
import { move, refund } from './event-decisions';
import { OrderError } from './order-error';
import type { OrdersDeps, SiteContext } from './site';
import { notifyOrderChanged } from './order-hooks';

/**
 * Authorised back-office actions. Each is applied through the same state machine as provider events and at
 * most once per operation key, so a double click or a retried request changes nothing twice.
 */

async function existing(deps: OrdersDeps, site: SiteContext, orderId: string): Promise<OrderRecord> {
  const order = await deps.storage.getOrder(site.id, orderId);
  if (!order) throw new OrderError('order_not_found');
  return order;
}

function outcomeOf(result: Awaited<ReturnType<OrdersDeps['storage']['apply']>>): OrderRecord | null {
  if (result.type === 'order_not_found') throw new OrderError('order_not_found');
  if (result.type === 'duplicate') return null;
  if (result.decision.type === 'reject') {
    throw new OrderError(result.decision.code as 'illegal_transition', {
      params: result.decision.params ?? {},
    });
  }
  return result.order;
}

/** A cheque, a transfer or cash arrived: the offline order is paid. */
export async function markReceived(
  deps: OrdersDeps,
  site: SiteContext,
  orderId: string,
): Promise<OrderRecord> {
  const order = await existing(deps, site, orderId);
  if (order.provider !== 'offline') {
    throw new OrderError('illegal_transition', { params: { from: order.provider, to: 'offline' } });
  }
  const now = deps.now();
  const result = await deps.storage.apply({
    site: site.id,
    target: { orderId },
    once: { source: 'admin', id: `received_${orderId}`, type: 'payment_succeeded' },
    now,
    decide: (current) =>
      move(current, 'payment_succeeded', {
        paidAt: now,
        next: null,
        failureCode: null,
        seats: 'sell',
        note: { source: 'admin', action: 'marked_received' },
      }),
  });
  await notifyOrderChanged(deps, site, result);
  return outcomeOf(result) ?? existing(deps, site, orderId);
}

/**
 * Refunds all (amount absent) or part of a paid order: through the provider when it can, recorded by hand
 * for offline payments (the treasurer gives the money back). The provider's own refund webhook later reports
 * the same running total, so it counts once.
 */
export async function refundOrder(
  deps: OrdersDeps,
  site: SiteContext,
  orderId: string,
  amount: number | undefined,
  locale: Locale,
): Promise<OrderRecord> {
  const order = await existing(deps, site, orderId);
  if (order.status !== 'paid') {
    throw new OrderError('illegal_transition', { params: { from: order.status, to: 'refunded' } });
  }
  const left = order.total - order.refundedAmount;
  if (amount !== undefined && (!Number.isSafeInteger(amount) || amount <= 0 || amount > left)) {
    throw new OrderError('validation_failed', {
      errors: [
        {
          code: 'amount_too_large',
          field: 'amount',
          params: { max: formatMoney(left, order.currency, locale) },
        },
      ],
    });
  }
  const wanted = amount ?? left;
  const provider = site.providers.get(order.provider as 'stripe');
  let refundId = `manual_${order.refundedAmount + wanted}`;
  let refunded = wanted;
  if (provider && isRefunder(provider) && order.providerRef) {
    try {
      const done = await provider.refund(
        order.paymentRef ?? order.providerRef,
        wanted,
        `refund_${order.id}_${order.refundedAmount + wanted}`,
      );
      refundId = done.refundId;
      refunded = done.amount;
    } catch (err) {
      deps.log.warn(
        {
          site: site.id,
          orderId,
          provider: provider.id,
          reason: err instanceof Error ? err.message : String(err),
        },
        'refund refused by the provider',
      );
      throw new OrderError('provider_error', { retryable: true });
    }
  } else if (order.provider !== 'offline') {
    throw new OrderError('provider_not_available');
  }
  const result = await deps.storage.apply({
    site: site.id,
    target: { orderId },
    once: { source: 'admin', id: `refund_${refundId}`, type: 'refunded' },
    now: deps.now(),
    decide: (current) =>
      // The running total this refund reaches, fixed before the call: the provider's webhook may come first.
      refund(current, order.refundedAmount + refunded, {
        note: { source: 'admin', action: 'refunded', detail: `${refunded} (${refundId})` },
      }),
  });
  await notifyOrderChanged(deps, site, result);
  return outcomeOf(result) ?? existing(deps, site, orderId);
}

export async function checkIn(
  deps: OrdersDeps,
  site: SiteContext,
  ticket: { id?: string; code?: string },
): Promise<CheckInResult> {
  const code = ticket.code?.trim().toUpperCase();
  const result = await deps.storage.checkIn(site.id, code ? { code } : { id: ticket.id ?? '' }, deps.now());
  if (result.type === 'not_found') throw new OrderError('order_not_found');
  return result;
}
