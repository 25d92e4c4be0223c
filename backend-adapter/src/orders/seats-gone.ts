import type { FormConfig, OrderRequest } from '../protocol';
import type { DomainError } from '../domain';
import { fromDomainErrors } from './domain-errors';
import type { OrderError } from './order-error';

/** Another buyer took the last seats between our look at the stock and our hold: said like the domain says it. */
export function seatsGone(
  form: FormConfig,
  request: OrderRequest,
  typeId: string,
  available: number,
): OrderError {
  const items = request.kind === 'tickets' ? request.tickets.items : [];
  const index = Math.max(
    0,
    items.findIndex((i) => i.typeId === typeId),
  );
  const type = form.kind === 'tickets' ? form.tickets.types.find((t) => t.id === typeId) : undefined;
  const name = type
    ? typeof type.name === 'string'
      ? type.name
      : (type.name[request.locale] ?? type.id)
    : typeId;
  const error: DomainError =
    available <= 0
      ? { code: 'sold_out', field: `tickets.items.${index}.quantity`, params: { name } }
      : {
          code: 'not_enough_available',
          field: `tickets.items.${index}.quantity`,
          params: { name, available },
        };
  return fromDomainErrors([error]);
}
