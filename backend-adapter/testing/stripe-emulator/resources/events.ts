/** /v1/events: the events an account produced, so tests (and adapters doing reconciliation) can read them without webhooks. */
import type { ApiRoute } from '../context';
import { expandObject } from '../expand';
import { paginate } from '../list';
import { find } from '../lookup';

/** Stripe's `type` filter accepts one `*` wildcard, e.g. `checkout.session.*`. */
export function eventTypeMatches(pattern: string, type: string): boolean {
  if (!pattern.includes('*')) return pattern === type;
  const [head = '', tail = ''] = pattern.split('*', 2);
  return type.startsWith(head) && type.endsWith(tail) && type.length >= head.length + tail.length;
}

export const eventRoutes: ApiRoute[] = [
  {
    method: 'GET',
    path: '/v1/events/:id',
    handler: (_ctx, { account, params, pathParams }) => {
      const event = find(account.events, pathParams.id ?? '', 'event', 'id', 404);
      const expand = params.expand();
      params.finish();
      return { body: expandObject(account, event, expand) };
    },
  },
  {
    method: 'GET',
    path: '/v1/events',
    handler: (_ctx, { account, params }) => {
      const type = params.string('type');
      const types = params.stringList('types');
      params.ignore('created', 'delivery_success');
      const expand = params.expand();
      const items = account.events
        .all()
        .filter((e) => type === undefined || eventTypeMatches(type, e.type))
        .filter((e) => types === undefined || types.includes(e.type));
      const list = paginate(items, params, '/v1/events');
      params.finish();
      return { body: expandObject(account, list, expand) };
    },
  },
];
