/**
 * `expand[]` support: replaces an id with the object it names, following dotted paths
 * (`payment_intent.latest_charge`, `data.customer` on lists). Works on a JSON copy so stored objects keep
 * their ids.
 */
import { invalidRequest } from './errors';
import type { AccountState } from './store';

type Json = unknown;

/** Objects that exist only when expanded, such as a Checkout Session's `line_items`. */
export type VirtualField = (object: Record<string, Json>, key: string) => Json | undefined;

function findById(account: AccountState, id: string): Json | undefined {
  const collections = [
    account.customers,
    account.products,
    account.prices,
    account.paymentIntents,
    account.charges,
    account.checkoutSessions,
    account.subscriptions,
    account.invoices,
    account.setupIntents,
    account.refunds,
  ];
  for (const collection of collections) {
    const found = collection.get(id);
    if (found !== undefined) return found;
  }
  return undefined;
}

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function expandPath(
  account: AccountState,
  node: Json,
  path: string[],
  full: string,
  virtual: VirtualField,
): void {
  if (Array.isArray(node)) {
    for (const item of node) expandPath(account, item, path, full, virtual);
    return;
  }
  const [key, ...rest] = path;
  if (key === undefined || !isRecord(node)) return;
  let value = node[key];
  if (typeof value === 'string') {
    const target = findById(account, value);
    if (target === undefined) throw invalidRequest(`This property cannot be expanded (${full}).`, 'expand');
    value = structuredClone(target);
    node[key] = value;
  } else if (value === undefined) {
    const produced = virtual(node, key);
    if (produced === undefined) throw invalidRequest(`This property cannot be expanded (${full}).`, 'expand');
    value = produced;
    node[key] = value;
  }
  if (rest.length > 0 && value !== null) expandPath(account, value, rest, full, virtual);
}

export function expandObject<T>(
  account: AccountState,
  object: T,
  paths: string[],
  virtual: VirtualField = () => undefined,
): Json {
  if (paths.length === 0) return object;
  const copy: Json = structuredClone(object);
  for (const path of paths) expandPath(account, copy, path.split('.'), path, virtual);
  return copy;
}
