import type { OrderCreated } from '../protocol';
import { scheduleStatus } from '../domain';
import type { ProviderCommand } from '../providers';
import type { OrderRecord } from '../storage';
import { applyProviderEvents } from './apply-events';
import { previousAnswer, type ReplayedOrder } from './idempotent-replay';
import { newOrderRecord, orderItems } from './new-order-record';
import { OrderError, validationFailed } from './order-error';
import { priceRequest } from './order-price';
import { readRequest } from './order-request-checks';
import { promoLimit, promoUsedUp } from './promo-used-up';
import { orderStatusView } from './order-view';
import { seatsGone } from './seats-gone';
import { canonicalJson, newStatusToken, sha256 } from './secrets';
import type { OrdersDeps, SiteContext } from './site';
import { nextAction, startPayment } from './start-payment';

export interface CreateOrderInput {
  formId: string;
  /** The parsed JSON body, not yet checked: the checks run in the protocol's order (docs/protocol.md §5). */
  body: unknown;
  idempotencyKey?: string;
}

/**
 * POST {base}/forms/{id}/orders: the server's own price (domain quoteOrder), the seats held, the promo code's
 * uses checked again and the order stored in one transaction, then the provider asked to start the payment.
 * When the provider fails, the order is marked failed and its seats released, and nothing is charged.
 */
export async function createOrder(
  deps: OrdersDeps,
  site: SiteContext,
  input: CreateOrderInput,
): Promise<ReplayedOrder> {
  const requestHash = sha256(canonicalJson({ formId: input.formId, body: input.body }));
  if (input.idempotencyKey) {
    const replay = await previousAnswer(deps, site, input.idempotencyKey, requestHash);
    if (replay) return replay;
  }
  const form = site.forms.get(input.formId);
  if (!form) throw new OrderError('form_not_found');
  const now = deps.now();
  const schedule = scheduleStatus(form, now);
  if (schedule !== 'open') throw new OrderError(schedule === 'closed' ? 'form_closed' : 'form_not_yet_open');
  const request = readRequest(form, input.body, now);
  const quote = await priceRequest(deps, site, form, request, now);
  const provider = site.providers.get(request.payment.provider);
  if (!provider || !form.payment.providers.includes(request.payment.provider)) {
    throw validationFailed([{ code: 'provider_not_available', field: 'payment.provider' }]);
  }

  const token = newStatusToken();
  const order = newOrderRecord(site, form, request, quote, now, sha256(token));
  const items = orderItems(order.id, request);
  const promo = promoLimit(form, order.promoCode);
  const created = await deps.storage.createOrder(
    {
      order,
      ...items,
      seats: quote.reservations,
      ...(promo ? { promo } : {}),
      ...(input.idempotencyKey ? { idempotency: { key: input.idempotencyKey, requestHash } } : {}),
    },
    now,
  );
  if (!created.ok && created.reason === 'idempotency_key_taken') {
    const replay = await previousAnswer(deps, site, input.idempotencyKey ?? '', requestHash);
    if (replay) return replay;
    throw new OrderError('idempotency_conflict', { retryable: true });
  }
  if (!created.ok && created.reason === 'promo_code_exhausted') throw promoUsedUp();
  if (!created.ok) throw seatsGone(form, request, created.typeId, created.available);

  // Nothing to pay (free tickets, a 100 % code): no provider is called and the order is paid at once.
  const command: ProviderCommand =
    quote.total === 0
      ? { type: 'completed' }
      : await startPayment(deps, site, provider, { order, token }, quote, request);
  const next = nextAction(command);
  const expiresAt = command.type === 'next' && command.expiresAt ? command.expiresAt : null;
  const stored: OrderRecord = {
    ...order,
    providerRef: command.providerRef ?? null,
    next,
    expiresAt: expiresAt ?? order.expiresAt,
  };
  const answer: OrderCreated = {
    order: orderStatusView(stored, { locale: request.locale, form }),
    token,
    next,
  };
  await deps.storage.recordPaymentStart(
    site.id,
    order.id,
    { providerRef: stored.providerRef, next, expiresAt },
    input.idempotencyKey ? { key: input.idempotencyKey, response: answer } : undefined,
  );
  if (command.type === 'completed') {
    await applyProviderEvents(deps, site, provider.id, [
      { id: `completed_${order.id}`, type: 'payment_succeeded', orderId: order.id, occurredAt: now },
    ]);
    const paid = await deps.storage.getOrder(site.id, order.id);
    const { tickets } = await deps.storage.orderItems(order.id);
    if (paid) answer.order = orderStatusView(paid, { locale: request.locale, form, tickets });
  }
  deps.log.info(
    { site: site.id, orderId: order.id, formId: form.id, provider: provider.id, total: order.total },
    'order created',
  );
  return answer;
}
