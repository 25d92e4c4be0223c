import type { ProviderEvent } from '../providers';
import type { ApplyOutcome, ApplyRequest } from '../storage';
import { decideProviderEvent } from './event-decisions';
import { notifyOrderChanged } from './order-hooks';
import type { OrdersDeps, SiteContext } from './site';

export interface AppliedEvent {
  eventId: string;
  duplicate: boolean;
  outcome: ApplyOutcome['type'] | 'ignored' | 'rejected' | 'changed';
}

/** How to find the order an event is about: our own id when the provider echoes it, else its references. */
function targetOf(event: ProviderEvent, provider: string): ApplyRequest['target'] | null {
  if (event.orderId) return { orderId: event.orderId };
  if (event.providerRef) return { provider, ref: event.providerRef, refKind: 'provider' };
  if (event.paymentRef) return { provider, ref: event.paymentRef, refKind: 'payment' };
  if (event.subscriptionRef) return { provider, ref: event.subscriptionRef, refKind: 'subscription' };
  return null;
}

/**
 * Applies verified provider events, each event id once (a replay is reported as a duplicate and changes
 * nothing). Events about orders this host does not know are acknowledged and logged, not stored.
 */
export async function applyProviderEvents(
  deps: OrdersDeps,
  site: SiteContext,
  provider: string,
  events: readonly ProviderEvent[],
): Promise<AppliedEvent[]> {
  const results: AppliedEvent[] = [];
  for (const event of events) {
    const target = targetOf(event, provider);
    if (!target) {
      deps.log.warn({ site: site.id, provider, eventId: event.id, type: event.type }, 'event names no order');
      results.push({ eventId: event.id, duplicate: false, outcome: 'order_not_found' });
      continue;
    }
    const outcome = await deps.storage.apply({
      site: site.id,
      target,
      once: { source: provider, id: event.id, type: event.type },
      now: deps.now(),
      decide: (order) => decideProviderEvent(order, event, provider),
    });
    results.push(describe(event, outcome));
    await notifyOrderChanged(deps, site, outcome);
    const log = {
      site: site.id,
      provider,
      eventId: event.id,
      type: event.type,
      outcome: results.at(-1)?.outcome,
    };
    if (outcome.type === 'order_not_found') deps.log.warn(log, 'event for an unknown order');
    else if (outcome.type === 'applied' && outcome.decision.type === 'reject') {
      deps.log.warn(
        { ...log, orderId: outcome.order.id, code: outcome.decision.code },
        'event refused by the state machine',
      );
    } else deps.log.info(log, 'provider event');
  }
  return results;
}

function describe(event: ProviderEvent, outcome: ApplyOutcome): AppliedEvent {
  if (outcome.type !== 'applied') {
    return { eventId: event.id, duplicate: outcome.type === 'duplicate', outcome: outcome.type };
  }
  const kind = outcome.decision.type;
  return {
    eventId: event.id,
    duplicate: kind === 'ignore',
    outcome: kind === 'change' ? 'changed' : kind === 'ignore' ? 'ignored' : 'rejected',
  };
}
