/**
 * Builds Stripe Event objects for state changes and hands them to the webhook dispatcher. The payload is a
 * snapshot: later changes to the object must not rewrite an event that was already "sent".
 */
import type Stripe from 'stripe';
import { API_VERSION } from './api-version';
import type { Clock } from './clock';
import { newId } from './ids';
import type { AccountState, Store } from './store';
import type { WebhookDispatcher } from './webhooks';

export type EventType = Stripe.Event['type'];
export type EventOf<T extends EventType> = Extract<Stripe.Event, { type: T }>;

/** The API request that caused an event; null for events caused by `/_emulator/*` controls (like Stripe's dashboard/async events). */
export interface EventCause {
  requestId: string | null;
  idempotencyKey: string | null;
}

export const NO_CAUSE: EventCause = { requestId: null, idempotencyKey: null };

export interface LoggedEvent {
  account: string;
  event: Stripe.Event;
}

export class EventPublisher {
  /** Every event of every account, oldest first; `/_emulator/events` and the handle read it. */
  private readonly log: LoggedEvent[] = [];

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly webhooks: WebhookDispatcher,
  ) {}

  publish<T extends EventType>(
    account: AccountState,
    type: T,
    object: EventOf<T>['data']['object'],
    cause: EventCause,
    previousAttributes?: EventOf<T>['data']['previous_attributes'],
  ): EventOf<T> {
    const base: Omit<Stripe.EventBase, 'type' | 'data'> = {
      id: newId('evt'),
      object: 'event',
      api_version: API_VERSION,
      created: this.clock.now(),
      livemode: false,
      pending_webhooks: this.webhooks.wants(account.id, type) ? 1 : 0,
      request: { id: cause.requestId, idempotency_key: cause.idempotencyKey },
    };
    const data = { object: structuredClone(object) } as EventOf<T>['data'];
    if (previousAttributes !== undefined) data.previous_attributes = structuredClone(previousAttributes);
    // The generic cannot prove that {type: T, data: EventOf<T>['data']} is EventOf<T>; every member of the union has exactly that shape.
    const event = { ...base, type, data } as EventOf<T>;
    account.events.insert(event);
    this.store.own(account, event.id);
    this.log.push({ account: account.id, event });
    this.webhooks.enqueue(account.id, event);
    return event;
  }

  /** A position in the log; `since(mark)` returns what was published after it. */
  mark(): number {
    return this.log.length;
  }

  since(mark: number): LoggedEvent[] {
    return this.log.slice(mark);
  }

  all(): LoggedEvent[] {
    return [...this.log];
  }

  reset(): void {
    this.log.length = 0;
  }
}

/** The top-level fields of `before` that differ in `after`, for `data.previous_attributes` on `*.updated` events. */
export function previousAttributes<T extends object>(before: T, after: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(before) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed[key] = before[key];
  }
  return changed;
}
