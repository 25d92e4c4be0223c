// Reads the shared domain vectors (tests/vectors/*.json) and turns their plain-JSON inputs into domain calls.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OrderContext } from '../../backend-adapter/src/domain';
import type { FormConfig, Locale } from '../../backend-adapter/src/protocol';

export interface VectorFile<Case> {
  about: string;
  cases: Case[];
}

export function loadVectors<Case, Extra = object>(name: string): VectorFile<Case> & Extra {
  return JSON.parse(readFileSync(join(__dirname, '..', 'vectors', name), 'utf8')) as VectorFile<Case> & Extra;
}

/** The context as the vectors write it: plain JSON, maps instead of functions. */
export interface JsonContext {
  now: string;
  locale: Locale;
  availability?: Record<string, number | null>;
  promoUses?: Record<string, number>;
}

/** A type missing from `availability` is unlimited; a code missing from `promoUses` was never used. */
export function orderContext(json: JsonContext): OrderContext {
  const ctx: OrderContext = { now: new Date(json.now), locale: json.locale };
  const { availability, promoUses } = json;
  if (availability) ctx.availability = (typeId) => availability[typeId] ?? null;
  if (promoUses) ctx.promoUses = (code) => promoUses[code] ?? 0;
  return ctx;
}

export interface OrderCase {
  name: string;
  fn?: string;
  form: string;
  request: unknown;
  ctx?: JsonContext;
  expected: unknown;
}

export interface OrderVectorExtra {
  defaultCtx: JsonContext;
  forms: Record<string, FormConfig>;
}

/** Errors compare as a multiset: the order in which rules are checked is not part of the contract. */
export function sortErrors<T extends { code: string; field?: string }>(errors: readonly T[]): T[] {
  const key = (error: T) => `${error.field ?? ''}|${error.code}|${JSON.stringify(error)}`;
  return [...errors].sort((a, b) => key(a).localeCompare(key(b)));
}
