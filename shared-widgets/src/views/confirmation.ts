import type { NextAction, OrderStatus } from '../../../backend-adapter/src/protocol/order-response';
import type { ProtocolClient } from '../core/client';
import { moneyPer, type Ctx } from '../core/context';
import { fill, h } from '../core/dom';
import type { Kind } from '../core/kind';
import { instructions } from './instructions';
import { orderLines } from './lines';

type OfflineNext = Extract<NextAction, { type: 'offline' }>;

/** Waits between status checks while a payment settles: quick at first, then slower; about two minutes in all. */
export const POLL_DELAYS_MS = [1000, 1000, 2000, 2000, 3000, 5000, 5000, 8000, 13000, 20000, 30000, 30000];

function headline(ctx: Ctx, order: OrderStatus, offline: boolean, gaveUp: boolean): string {
  const { status, recurring } = order;
  return ctx.i18n.t(
    status === 'pending'
      ? offline
        ? 'awaiting'
        : gaveUp
          ? 'pendingLong'
          : 'pending'
      : status === 'paid' || status === 'disputed'
        ? recurring
          ? 'paidRecurring'
          : 'paid'
        : // failed, expired, refunded: the catalogue's keys are the statuses.
          status,
    { amount: moneyPer(ctx, order.total, recurring?.interval) },
  );
}

/**
 * The order's status page, driven by `GET orders/{id}`: paid, pending (checked again until it settles),
 * failed or expired with a way back to the form, where everything typed is still there. `issued` draws what the
 * kind adds (tickets).
 */
export function confirmation(
  ctx: Ctx,
  client: ProtocolClient,
  start: { order: OrderStatus; token: string; offline?: OfflineNext },
  onRetry: () => void,
  issued?: Kind['issued'],
): HTMLElement {
  const { t } = ctx.i18n;
  const view = h('div', { class: 'g-view g-confirmation' });
  let shown = '';

  const render = (order: OrderStatus, gaveUp = false) => {
    const title = headline(ctx, order, !!start.offline, gaveUp);
    const failed = order.status === 'failed' || order.status === 'expired';
    const heading = h('h2', { class: 'g-title', tabindex: -1 }, title);
    fill(
      view,
      h('div', { class: `g-status g-${order.status}` }, heading),
      failed && order.failure && h('p', null, order.failure.message),
      orderLines(ctx, order),
      issued?.(ctx, order),
      order.status === 'paid' &&
        order.receipt &&
        h(
          'p',
          { class: 'g-receipt' },
          h('a', { href: order.receipt.url, download: true }, t('receipt', { number: order.receipt.number })),
        ),
      start.offline && order.status === 'pending' && instructions(ctx, start.offline),
      failed && h('button', { type: 'button', class: 'g-button g-primary', onclick: onRetry }, t('tryAgain')),
    );
    if (shown && shown !== title) ctx.announce(title);
    shown = title;
  };

  const poll = async () => {
    let order = start.order;
    for (const delay of POLL_DELAYS_MS) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (!view.isConnected) return;
      try {
        order = await client.order(order.id, start.token);
        render(order);
        if (order.status !== 'pending') return;
      } catch {
        // A failed check is not a failed payment: keep the page as it is and check again.
      }
    }
    render(order, true);
  };

  render(start.order);
  if (start.order.status === 'pending' && !start.offline) void poll();
  return view;
}
