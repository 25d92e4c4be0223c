import type { NextAction } from '../../../backend-adapter/src/protocol/order-response';
import type { Ctx } from '../core/context';
import { h } from '../core/dom';
import type { TextKey } from '../i18n';

type OfflineNext = Extract<NextAction, { type: 'offline' }>;

/** How to pay by cheque, transfer or cash: the host's text, then each detail on its own line to copy. */
export function instructions(ctx: Ctx, next: OfflineNext) {
  const { t } = ctx.i18n;
  const { payee, address, iban, bic, reference, text } = next.instructions;
  // The details the host gave, each with its label.
  const row = (label: TextKey, value?: string) => value && [h('dt', null, t(label)), h('dd', null, value)];
  return h(
    'section',
    { class: 'g-instructions' },
    h('h3', null, t('instructions')),
    h('p', null, text),
    h(
      'dl',
      null,
      row('payee', payee),
      row('mailTo', address),
      row('iban', iban),
      row('bic', bic),
      row('reference', reference),
    ),
  );
}
