import { parseMoney } from '../../../../backend-adapter/src/domain';
import type { FormConfig, OrderRequest } from '../../../../backend-adapter/src/protocol';
import { SIMULATION_CARDS } from '../../../../backend-adapter/src/protocol';
import type { OrderStore, StoredOrder } from './orders';

/**
 * What a host does with the widget's no-JS form: the field names documented in shared-widgets/README.md
 * (dotted, or PHP brackets) back into an order request. Donations only: the journey that needs it is one.
 */
export function requestFromForm(form: FormConfig, fields: URLSearchParams, referer: string): OrderRequest {
  if (form.kind !== 'donation') throw new Error('the fake host takes no-JS orders for donations only');
  const get = (name: string) =>
    (fields.get(name) ?? fields.get(name.replace(/\.(\w+)/g, '[$1]')) ?? '').trim();
  const locale = get('locale') === 'en' ? 'en' : 'fr';
  const typed = get('donation.customAmount');
  const amount = typed ? parseMoney(typed, form.currency, locale) : Number(get('donation.amount'));
  const [provider, offlineMethod] = (get('payment.method') || get('payment.provider') || 'simulation').split(
    '.',
  );
  return {
    kind: 'donation',
    locale,
    payment: offlineMethod
      ? { provider: 'offline', offlineMethod: offlineMethod as 'cheque' }
      : { provider: provider as 'simulation' },
    payer: { email: get('payer.email'), firstName: get('payer.firstName'), lastName: get('payer.lastName') },
    returnUrl: referer,
    donation: {
      amount: amount ?? 0,
      frequency: (get('donation.frequency') || 'once') as 'once',
    },
  };
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The simulation's "hosted payment page", where a no-JS payer lands after posting the form. */
export function hostedSimulationPage(store: OrderStore, order: StoredOrder): string {
  const total = `${(order.status.total / 100).toFixed(2).replace('.', ',')} €`;
  const cards = SIMULATION_CARDS.map(
    (card) => `<li><code>${card.number}</code> : ${escape(card.description.fr)}</li>`,
  ).join('');
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Paiement (simulation)</title></head>
<body><main>
<h1>Paiement de ${escape(total)} (simulation)</h1>
<p>Commande ${escape(order.status.id)} — ${escape(String(store.orders.size))} commande(s) sur ce site de test.</p>
<form method="post">
<label for="card">Numéro de carte de test</label>
<input id="card" name="card" inputmode="numeric" autocomplete="off">
<button type="submit">Payer ${escape(total)}</button>
</form>
<h2>Cartes de test</h2><ul>${cards}</ul>
</main></body></html>`;
}
