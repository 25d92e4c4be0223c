/** Saving and finding objects in an account, with Stripe's "No such …" errors. */
import type { EmulatorContext } from './context';
import { resourceMissing } from './errors';
import type { AccountState, Collection, StoredObject } from './store';

export function save<T extends StoredObject>(
  ctx: EmulatorContext,
  account: AccountState,
  collection: Collection<T>,
  item: T,
): T {
  collection.insert(item);
  ctx.store.own(account, item.id);
  return item;
}

/**
 * `kind` is Stripe's wording in the message (`payment_intent`, `customer`…). Ids in the path give 404, ids in
 * parameters 400, matching real Stripe.
 */
export function find<T extends StoredObject>(
  collection: Collection<T>,
  id: string,
  kind: string,
  param: string,
  status: 400 | 404 = 400,
): T {
  const found = collection.get(id);
  if (found === undefined) throw resourceMissing(kind, id, param, status);
  return found;
}
