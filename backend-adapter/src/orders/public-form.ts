import type { FormDefinition, Locale, PublicPaymentMethod } from '../protocol';
import { TAX_RULES, toFormDefinition } from '../domain';
import { seatsLeft } from './availability';
import { OrderError } from './order-error';
import type { OrdersDeps, SiteContext } from './site';

/** GET {base}/forms/{id}: the public definition with live seats, the amount raised and the site's ways to pay. */
export async function publicForm(
  deps: OrdersDeps,
  site: SiteContext,
  formId: string,
  locale: Locale,
): Promise<FormDefinition> {
  const form = site.forms.get(formId);
  if (!form) throw new OrderError('form_not_found');
  const now = deps.now();
  let availability: ((typeId: string) => number | null) | undefined;
  if (form.kind === 'tickets') {
    availability = await seatsLeft(deps.storage, site.id, form.id, now);
  }
  const raised =
    form.kind === 'donation' && form.donation.goal !== undefined
      ? await deps.storage.raisedAmount(site.id, form.id)
      : 0;
  const paymentMethods = form.payment.providers.flatMap((id): PublicPaymentMethod[] => {
    const methods = site.providers.get(id)?.publicMethods() ?? [];
    const offline = form.payment.offlineMethods;
    return methods.filter((m) => m.provider !== 'offline' || !offline || offline.includes(m.method));
  });
  return toFormDefinition(form, {
    locale,
    now,
    ...(availability ? { availability } : {}),
    raised,
    paymentMethods,
    organization: site.organization,
    taxRules: TAX_RULES,
  });
}
