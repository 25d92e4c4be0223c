import type { FormConfig, OrderRequest } from '../protocol';
import { findPromoCode, quoteOrder, type Quote } from '../domain';
import { seatsLeft } from './availability';
import { fromDomainErrors } from './domain-errors';
import type { OrdersDeps, SiteContext } from './site';

/** The server's own price for the request, with live seat stock and promo-code uses read from storage. */
export async function priceRequest(
  deps: OrdersDeps,
  site: SiteContext,
  form: FormConfig,
  request: OrderRequest,
  now: Date,
): Promise<Quote> {
  let availability: ((typeId: string) => number | null) | undefined;
  let uses = 0;
  if (form.kind === 'tickets') {
    availability = await seatsLeft(deps.storage, site.id, form.id, now);
    const code = request.kind === 'tickets' ? request.tickets.promoCode : undefined;
    const configured = code ? findPromoCode(form, code) : undefined;
    if (configured) uses = await deps.storage.promoUses(site.id, form.id, configured.code);
  }
  const result = quoteOrder(form, request, {
    now,
    locale: request.locale,
    ...(availability ? { availability } : {}),
    promoUses: () => uses,
  });
  if (!result.ok) throw fromDomainErrors(result.errors);
  return result.quote;
}
