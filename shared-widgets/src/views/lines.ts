import type { OrderStatus } from '../../../backend-adapter/src/protocol/order-response';
import { money, moneyPer, type Ctx } from '../core/context';
import { h } from '../core/dom';

/** The order as the host priced it: one row per line, then the total (the amounts that will be charged). */
export function orderLines(ctx: Ctx, order: OrderStatus) {
  const { t } = ctx.i18n;
  return h(
    'table',
    { class: 'g-lines' },
    h('caption', { class: 'g-sr' }, t('summary')),
    // Rows straight in the table (no tbody): the DOM and the table's content model allow it.
    order.lines.map((line) =>
      h(
        'tr',
        null,
        h('th', { scope: 'row' }, line.quantity > 1 ? `${line.label} × ${line.quantity}` : line.label),
        h('td', null, money(ctx, line.amount)),
      ),
    ),
    h(
      'tfoot',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'row' }, t('total')),
        h('td', null, moneyPer(ctx, order.total, order.recurring?.interval)),
      ),
    ),
  );
}
