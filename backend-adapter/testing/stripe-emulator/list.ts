/** Stripe list objects and cursor pagination (`limit`, `starting_after`, `ending_before`). */
import type Stripe from 'stripe';
import { invalidRequest } from './errors';
import type { Params } from './params';

/** Reads the pagination parameters; `items` must already be in Stripe's order (newest first). */
export function paginate<T extends { id: string }>(
  items: T[],
  params: Params,
  url: string,
): Stripe.ApiList<T> {
  const limit = params.integer('limit', { min: 1, max: 100 }) ?? 10;
  const startingAfter = params.string('starting_after');
  const endingBefore = params.string('ending_before');
  if (startingAfter !== undefined && endingBefore !== undefined) {
    throw invalidRequest('You may only specify one of these parameters: starting_after, ending_before.');
  }
  const indexOf = (id: string, param: string): number => {
    const index = items.findIndex((item) => item.id === id);
    if (index === -1) throw invalidRequest(`No such object: '${id}'`, param, 'resource_missing');
    return index;
  };
  let page: T[];
  let hasMore: boolean;
  if (startingAfter !== undefined) {
    const rest = items.slice(indexOf(startingAfter, 'starting_after') + 1);
    page = rest.slice(0, limit);
    hasMore = rest.length > limit;
  } else if (endingBefore !== undefined) {
    const before = items.slice(0, indexOf(endingBefore, 'ending_before'));
    page = before.slice(Math.max(0, before.length - limit));
    hasMore = before.length > limit;
  } else {
    page = items.slice(0, limit);
    hasMore = items.length > limit;
  }
  return { object: 'list', data: page, has_more: hasMore, url };
}

/** A list embedded in another object (subscription items, invoice lines): everything, no cursor. */
export function embeddedList<T>(data: T[], url: string): Stripe.ApiList<T> {
  return { object: 'list', data, has_more: false, url };
}
