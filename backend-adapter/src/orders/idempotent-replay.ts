import type { OrderCreated } from '../protocol';
import { OrderError } from './order-error';
import { orderStatusView } from './order-view';
import type { OrdersDeps, SiteContext } from './site';

/** How long a retry waits for the first request with the same key to finish talking to the provider. */
const IN_FLIGHT_WAIT_MS = 10_000;

/**
 * The answer already given to this key: same order id, token and next action, the order as it is now. A
 * different body under the same key is a conflict; a first request still talking to its provider is waited for.
 */
export async function previousAnswer(
  deps: OrdersDeps,
  site: SiteContext,
  key: string,
  requestHash: string,
): Promise<ReplayedOrder | null> {
  const deadline = Date.now() + IN_FLIGHT_WAIT_MS;
  for (;;) {
    const record = await deps.storage.findIdempotency(site.id, key);
    if (!record) return null;
    if (record.requestHash !== requestHash) throw new OrderError('idempotency_conflict');
    if (record.response !== null) {
      const first = record.response as OrderCreated;
      const order = await deps.storage.getOrder(site.id, record.orderId);
      if (!order) return { ...first, replayed: true };
      const { tickets } = await deps.storage.orderItems(order.id);
      const view = orderStatusView(order, {
        locale: order.locale,
        form: site.forms.get(order.formId),
        tickets,
      });
      return { ...first, order: view, replayed: true };
    }
    if (Date.now() > deadline) throw new OrderError('idempotency_conflict', { retryable: true });
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** An idempotent replay: the host adds `Idempotent-Replayed: true`. */
export type ReplayedOrder = OrderCreated & { replayed?: true };
