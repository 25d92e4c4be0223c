import type { Locale, SimulationResult } from '../protocol';
import { ROUTES } from '../protocol';
import { isCardSimulator, ProviderError, type SimulationAnswer } from '../providers';
import type { OrderRecord } from '../storage';
import { applyProviderEvents } from './apply-events';
import { issuedReceiptOf } from './order-hooks';
import { OrderError } from './order-error';
import { orderStatusView } from './order-view';
import { expireOrder } from './reconcile';
import type { OrdersDeps, SiteContext } from './site';

export type SimulationStep = { type: 'confirm'; card: string } | { type: 'challenge'; approve: boolean };

/**
 * POST {base}/simulation/{orderId}/confirm|challenge: the widget plays the payer at a card terminal. The
 * simulation provider answers from the signed client secret alone; its events are applied like any webhook's.
 */
export async function simulatePayment(
  deps: OrdersDeps,
  site: SiteContext,
  orderId: string,
  clientSecret: string,
  step: SimulationStep,
  locale: Locale,
): Promise<SimulationResult> {
  const simulator = site.providers.get('simulation');
  if (!simulator || !isCardSimulator(simulator)) throw new OrderError('order_not_found');
  const order = await deps.storage.getOrder(site.id, orderId);
  if (!order || order.provider !== 'simulation') throw new OrderError('order_not_found');
  const now = deps.now();
  if (order.status === 'pending' && order.expiresAt && order.expiresAt <= now) {
    await expireOrder(deps, site, order);
  }
  const current = (await deps.storage.getOrder(site.id, orderId)) ?? order;
  if (current.status === 'paid') {
    // A retry after a lost answer: the payment went through already, nothing is charged again.
    return result(deps, site, current, 'succeeded', locale);
  }
  // A card is only taken while the order can still be paid: its seats are no longer held after that.
  if (current.status !== 'pending' && current.status !== 'failed') {
    throw new OrderError('illegal_transition', { params: { from: current.status, to: 'paid' } });
  }
  let answer: SimulationAnswer;
  try {
    answer =
      step.type === 'confirm'
        ? simulator.confirm(clientSecret, step.card, now)
        : simulator.challenge(clientSecret, step.approve, now);
  } catch (err) {
    if (err instanceof ProviderError) throw new OrderError('bad_request', { field: 'clientSecret' });
    throw err;
  }
  if (answer.orderId !== orderId) throw new OrderError('bad_request', { field: 'clientSecret' });
  await applyProviderEvents(deps, site, 'simulation', answer.events);
  if (answer.events.length === 0) {
    await deps.storage.apply({
      site: site.id,
      target: { orderId },
      now,
      decide: () => ({
        type: 'change',
        change: { providerRef: answer.providerRef, note: { source: 'provider', action: answer.outcome } },
      }),
    });
  }
  const after = (await deps.storage.getOrder(site.id, orderId)) ?? current;
  return result(deps, site, after, answer.outcome, locale);
}

async function result(
  deps: OrdersDeps,
  site: SiteContext,
  order: OrderRecord,
  outcome: SimulationResult['outcome'],
  locale: Locale,
): Promise<SimulationResult> {
  const { tickets } = order.kind === 'tickets' ? await deps.storage.orderItems(order.id) : { tickets: [] };
  const receipt = order.status === 'paid' ? await issuedReceiptOf(deps, site, order) : null;
  const answer: SimulationResult = {
    outcome,
    order: orderStatusView(order, { locale, form: site.forms.get(order.formId), tickets, receipt }),
  };
  if (outcome === 'requires_action') {
    answer.challengeUrl = `${site.baseUrl()}${ROUTES.simulationChallenge(order.id)}`;
  }
  return answer;
}
