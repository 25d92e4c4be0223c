import type { FormConfig } from '../protocol';
import { fromDomainErrors } from './domain-errors';
import type { OrderError } from './order-error';

/** The stored code's limit, for storage to check again under the order's lock; none when it has no limit. */
export function promoLimit(
  form: FormConfig,
  code: string | null,
): { code: string; maxUses: number } | undefined {
  if (code === null || form.kind !== 'tickets') return undefined;
  const maxUses = form.tickets.promoCodes.find((p) => p.code === code)?.maxUses;
  return maxUses === undefined ? undefined : { code, maxUses };
}

/** Other buyers used the code up between the price check and our insert: said like the domain says it. */
export function promoUsedUp(): OrderError {
  return fromDomainErrors([{ code: 'promo_code_exhausted', field: 'tickets.promoCode' }]);
}
