/** What handlers and flows share. Passed explicitly instead of living on a central emulator object. */
import type { Clock } from './clock';
import type { EventCause, EventPublisher } from './events';
import type { Params } from './params';
import type { AccountState, Store } from './store';
import type { WebhookDispatcher } from './webhooks';

export interface EmulatorContext {
  store: Store;
  clock: Clock;
  events: EventPublisher;
  webhooks: WebhookDispatcher;
  /** `http://127.0.0.1:<port>`, known once the server listens; used for hosted Checkout URLs. */
  baseUrl(): string;
}

export interface ApiRequest {
  account: AccountState;
  params: Params;
  pathParams: Readonly<Record<string, string>>;
  cause: EventCause;
}

export interface ApiResult {
  status?: number;
  body: unknown;
}

export type ApiHandler = (ctx: EmulatorContext, req: ApiRequest) => ApiResult;

export interface ApiRoute {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path with `:name` placeholders, e.g. `/v1/payment_intents/:id/confirm`. */
  path: string;
  handler: ApiHandler;
}
