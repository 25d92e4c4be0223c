import type { FormConfig, ProviderId } from '../protocol';
import type { PaymentProvider } from '../providers';
import type { Storage } from '../storage';

/** One association (tenant) as the orders service sees it: its forms and its configured payment providers. */
export interface SiteContext {
  readonly id: string;
  readonly organization: { name: string };
  /** Browser origins the site's pages are served from (CORS, and allowed return URLs). */
  readonly origins: readonly string[];
  readonly forms: ReadonlyMap<string, FormConfig>;
  readonly providers: ReadonlyMap<ProviderId, PaymentProvider>;
  /** Absolute URL of the site's protocol base (`…/v1/sites/{id}`), known once the server listens. */
  baseUrl(): string;
}

/** What every orders operation needs from the host. */
export interface OrdersDeps {
  readonly storage: Storage;
  readonly now: () => Date;
  readonly log: OrdersLog;
}

/** The slice of a pino logger the service writes to. Objects first, message second, never a secret. */
export interface OrdersLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
