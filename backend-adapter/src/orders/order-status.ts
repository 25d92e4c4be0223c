import type { Locale, OrderStatus } from '../protocol';
import { issuedReceiptOf } from './order-hooks';
import { OrderError } from './order-error';
import { orderStatusView } from './order-view';
import { expireOrder, reconcileOrder } from './reconcile';
import { matchesHash } from './secrets';
import type { OrdersDeps, SiteContext } from './site';

/** A confirmation page polls; the provider is asked at most this often per order while it is pending. */
const REFRESH_EVERY_MS = 10_000;

/**
 * GET {base}/orders/{id}?token=…: the order as its payer may see it. A pending order is refreshed from the
 * provider now and then (so the confirmation page does not depend on the webhook) and expired when due.
 */
export async function orderStatus(
  deps: OrdersDeps,
  site: SiteContext,
  orderId: string,
  token: string,
  locale: Locale,
): Promise<OrderStatus> {
  let order = await deps.storage.getOrder(site.id, orderId);
  // An unknown id and a wrong token answer alike, so ids cannot be probed.
  if (!order || !matchesHash(token, order.tokenHash)) throw new OrderError('invalid_token');
  if (order.status === 'pending') {
    const now = deps.now();
    if (order.expiresAt && order.expiresAt <= now) await expireOrder(deps, site, order);
    else if (!order.checkedAt || now.getTime() - order.checkedAt.getTime() >= REFRESH_EVERY_MS) {
      await reconcileOrder(deps, site, order);
    }
    order = (await deps.storage.getOrder(site.id, orderId)) ?? order;
  }
  const { tickets } = order.kind === 'tickets' ? await deps.storage.orderItems(order.id) : { tickets: [] };
  const receipt = order.status === 'pending' ? null : await issuedReceiptOf(deps, site, order);
  return orderStatusView(order, { locale, form: site.forms.get(order.formId), tickets, receipt });
}
