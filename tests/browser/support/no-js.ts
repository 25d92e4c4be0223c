import { parseMoney } from '../../../backend-adapter/src/domain';
import type { FormConfig, OrderRequest } from '../../../backend-adapter/src/protocol';

/**
 * What a host does with the widget's no-JS form: the field names documented in shared-widgets/README.md
 * (dotted, or PHP brackets) back into an order request. Donations only: the journey that needs it is one.
 */
export function requestFromForm(form: FormConfig, fields: URLSearchParams, referer: string): OrderRequest {
  if (form.kind !== 'donation') throw new Error('the test CMS takes no-JS orders for donations only');
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
