import type { NextAction, OrderRequest } from '../protocol';
import type { Quote } from '../domain';
import { ProviderError, type PaymentProvider, type PaymentRequest, type ProviderCommand } from '../providers';
import type { OrderRecord } from '../storage';
import { OrderError, validationFailed } from './order-error';
import type { OrdersDeps, SiteContext } from './site';

/**
 * The provider asked to start the payment. When it fails, the order is marked failed and its seats released,
 * and the payer hears the provider's code.
 */
export async function startPayment(
  deps: OrdersDeps,
  site: SiteContext,
  provider: PaymentProvider,
  { order, token }: { order: OrderRecord; token: string },
  quote: Quote,
  request: OrderRequest,
): Promise<ProviderCommand> {
  const page = returnUrl(site, request.returnUrl);
  const payment: PaymentRequest = {
    orderId: order.id,
    formId: order.formId,
    kind: order.kind,
    currency: quote.currency,
    total: quote.total,
    lines: quote.lines,
    payer: request.payer,
    locale: request.locale,
    returnUrl: page,
    idempotencyKey: `order_${order.id}`,
    reference: order.reference,
  };
  if (request.flow === 'redirect') {
    // No widget keeps the order in the browser: the way back names it, so the page can show its status.
    payment.flow = 'redirect';
    payment.returnUrl = withOrder(page, order.id, token);
    payment.cancelUrl = page;
  }
  if (quote.recurring) payment.recurring = quote.recurring;
  if (request.payment.offlineMethod) payment.offlineMethod = request.payment.offlineMethod;
  if (order.expiresAt && order.kind === 'tickets') payment.expiresAt = order.expiresAt;
  try {
    return await provider.startPayment(payment, { now: deps.now });
  } catch (err) {
    const code = err instanceof ProviderError ? err.code : 'provider_error';
    await deps.storage.abandonOrder(site.id, order.id, code, deps.now());
    deps.log.warn(
      {
        site: site.id,
        orderId: order.id,
        provider: provider.id,
        code,
        providerCode: err instanceof ProviderError ? err.options.providerCode : undefined,
        reason: err instanceof Error ? err.message : String(err),
      },
      'payment start failed; order abandoned',
    );
    if (code === 'provider_not_available') {
      throw validationFailed([{ code, field: 'payment.provider' }]);
    }
    throw new OrderError(code, { retryable: err instanceof ProviderError ? err.retryable : true });
  }
}

export function nextAction(command: ProviderCommand): NextAction {
  if (command.type === 'next') return command.next;
  if (command.type === 'pending' && command.next) return command.next;
  return { type: 'completed' };
}

/** Only a page of the site itself may be the way back (no open redirect through our host). */
function returnUrl(site: SiteContext, asked: string | undefined): string {
  if (asked) {
    try {
      const url = new URL(asked);
      if (site.origins.includes(url.origin)) return url.toString();
    } catch {
      // not a URL: fall through to the default
    }
  }
  return site.origins[0] ? `${site.origins[0]}/` : `${site.baseUrl()}/`;
}

/** docs/protocol.md §5: back from a hosted page with `guichet_order` and `guichet_token` in the query string. */
function withOrder(page: string, orderId: string, token: string): string {
  const url = new URL(page);
  url.searchParams.set('guichet_order', orderId);
  url.searchParams.set('guichet_token', token);
  return url.toString();
}
