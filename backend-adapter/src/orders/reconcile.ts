import { isReconciler } from '../providers';
import type { OrderRecord } from '../storage';
import { applyProviderEvents } from './apply-events';
import type { OrdersDeps, SiteContext } from './site';

/**
 * Asks the provider where a pending payment stands and applies what it says, as if its webhook had come:
 * a missed or late webhook never leaves an order wrong. Event ids are the provider's, so the real webhook
 * arriving afterwards is a duplicate.
 */
export async function reconcileOrder(
  deps: OrdersDeps,
  site: SiteContext,
  order: OrderRecord,
): Promise<boolean> {
  const provider = site.providers.get(order.provider as 'stripe');
  if (!provider || !isReconciler(provider) || !order.providerRef) return false;
  const now = deps.now();
  await deps.storage.markChecked(order.id, now);
  try {
    const events = await provider.reconcile(order.providerRef, now);
    if (events.length === 0) return false;
    await applyProviderEvents(deps, site, provider.id, events);
    return true;
  } catch (err) {
    deps.log.warn(
      {
        site: site.id,
        orderId: order.id,
        provider: provider.id,
        reason: err instanceof Error ? err.message : String(err),
      },
      'reconciliation failed; will retry',
    );
    return false;
  }
}

/**
 * Pending orders past their expiry: the provider is asked first (the payment may have gone through), then
 * the order expires and its seats go back on sale. Applied once per order, whoever runs it.
 */
export async function expireOrder(deps: OrdersDeps, site: SiteContext, order: OrderRecord): Promise<void> {
  await reconcileOrder(deps, site, order);
  await deps.storage.apply({
    site: site.id,
    target: { orderId: order.id },
    once: { source: 'guichet', id: `expire_${order.id}`, type: 'expired' },
    now: deps.now(),
    decide: (current) =>
      current.status === 'pending'
        ? {
            type: 'change',
            change: {
              status: 'expired',
              next: null,
              seats: 'release',
              note: { source: 'system', action: 'expired' },
            },
          }
        : { type: 'ignore', reason: `already ${current.status}` },
  });
}

export interface SweepOptions {
  /** Pending orders younger than this are left to their webhooks. */
  reconcileAfterMs: number;
  batch: number;
}

/** One pass of the background job over every site: expire what is due, reconcile what has waited too long. */
export async function sweep(
  deps: OrdersDeps,
  sites: ReadonlyMap<string, SiteContext>,
  opts: SweepOptions,
): Promise<{ expired: number; reconciled: number }> {
  const now = deps.now();
  let expired = 0;
  for (const order of await deps.storage.duePending(now, opts.batch)) {
    const site = sites.get(order.site);
    if (!site) continue;
    await expireOrder(deps, site, order);
    expired++;
  }
  let reconciled = 0;
  const before = new Date(now.getTime() - opts.reconcileAfterMs);
  for (const order of await deps.storage.pendingWithProvider(before, opts.batch)) {
    const site = sites.get(order.site);
    if (site && (await reconcileOrder(deps, site, order))) reconciled++;
  }
  return { expired, reconciled };
}
