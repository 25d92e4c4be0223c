import type { NextAction } from '../../../backend-adapter/src/protocol/order-response';
import type { Ctx } from '../core/context';
import { h } from '../core/dom';

type OfflineNext = Extract<NextAction, { type: 'offline' }>;

/** How to pay by cheque, transfer or cash: the host's text, then each detail on its own line to copy. */
export function instructions(ctx: Ctx, next: OfflineNext) {
  const { t } = ctx.i18n;
  const { payee, address, iban, bic, reference, text } = next.instructions;
  const rows: [string, string | undefined][] = [
    [t('payee'), payee],
    [t('mailTo'), address],
    [t('iban'), iban],
    [t('bic'), bic],
    [t('reference'), reference],
  ];
  return h(
    'section',
    { class: 'g-instructions' },
    h('h3', null, t('instructions')),
    h('p', null, text),
    h(
      'dl',
      null,
      rows.filter(([, value]) => value).map(([label, value]) => [h('dt', null, label), h('dd', null, value)]),
    ),
  );
}
