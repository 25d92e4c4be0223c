import type { Locale, OrderCreated } from '../../protocol';
import { formatMoney } from '../../domain';
import { html, page } from './html';
import { texts } from './texts';

/** The cheque, transfer or cash instructions of an offline order, on the host's own page. */
export function offlinePage(opts: { created: OrderCreated; locale: Locale; back: string }): string {
  const t = texts(opts.locale);
  const { order, next } = opts.created;
  if (next.type !== 'offline') throw new Error('offline page for another next action');
  const { instructions } = next;
  const row = (term: string, value: string | undefined) =>
    value
      ? html`<dt>${term}</dt>
          <dd>${value}</dd>`
      : '';
  const body = html`<h1>${t.offlineTitle}</h1>
    <p>${t.offlineIntro}</p>
    <p>${instructions.text}</p>
    <dl>
      ${row(t.amount, formatMoney(order.total, order.currency, opts.locale))}
      ${row(t.reference, instructions.reference)} ${row(t.payee, instructions.payee)}
      ${row(t.address, instructions.address)} ${row(t.iban, instructions.iban)}
      ${row(t.bic, instructions.bic)}
    </dl>
    <p><a href="${opts.back}">${t.done}</a></p>`;
  return page({ lang: opts.locale, title: t.offlineTitle, body });
}
