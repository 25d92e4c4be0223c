import type { ApplyOutcome, OrderRecord } from '../storage';
import type { OrdersDeps, SiteContext } from './site';

/** Tells the hooks (OrdersDeps.hooks) about a change the storage applied; a failing hook is only logged. */
export async function notifyOrderChanged(
  deps: OrdersDeps,
  site: SiteContext,
  outcome: ApplyOutcome,
): Promise<void> {
  const hook = deps.hooks?.orderChanged;
  if (!hook || outcome.type !== 'applied' || outcome.decision.type !== 'change') return;
  try {
    await hook(site, outcome.order);
  } catch (err) {
    deps.log.error({ err, site: site.id, orderId: outcome.order.id }, 'order change hook failed');
  }
}

/** The receipt part of an order's status, when a hook provides one; a failing lookup only logs. */
export async function issuedReceiptOf(deps: OrdersDeps, site: SiteContext, order: OrderRecord) {
  const hook = deps.hooks?.issuedReceipt;
  if (!hook) return null;
  try {
    return await hook(site, order);
  } catch (err) {
    deps.log.error({ err, site: site.id, orderId: order.id }, 'receipt lookup failed');
    return null;
  }
}
