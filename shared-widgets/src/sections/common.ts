import type { CommonRequest } from '../core/kind';
import type { Ctx } from '../core/context';
import { consentsOf } from './consents';
import { payerOf } from './payer';
import { feeIfCovered } from './fees';
import { paymentOf } from './payment-choice';

/** Query parameters that bring a payer back to an order's status page (see README). */
export const RETURN_PARAMS = { order: 'guichet_order', token: 'guichet_token' } as const;

/**
 * Where a payer comes back after leaving the page: this page, without previous return parameters; with
 * the order's when the widget knows them (a bank redirect during payment), else the host adds them.
 */
export function returnUrl(order?: { id: string; token: string }): string {
  const url = new URL(location.href);
  url.searchParams.delete(RETURN_PARAMS.order);
  url.searchParams.delete(RETURN_PARAMS.token);
  if (order) {
    url.searchParams.set(RETURN_PARAMS.order, order.id);
    url.searchParams.set(RETURN_PARAMS.token, order.token);
  }
  url.hash = '';
  return url.href;
}

/** The parts of every request: language, payer, consents, payment choice, fee coverage. */
export function commonRequest(ctx: Ctx, net: number | null): CommonRequest {
  const common: CommonRequest = {
    locale: ctx.i18n.locale,
    payment: paymentOf(ctx),
    payer: payerOf(ctx),
    consents: consentsOf(ctx),
    returnUrl: returnUrl(),
  };
  if (feeIfCovered(ctx, net)) common.coverFees = true;
  return common;
}
