import type { FormConfig, IssuedReceipt, ProviderId } from '../protocol';
import type { PaymentProvider } from '../providers';
import type { OrderRecord, Storage } from '../storage';

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
  /** Features built on orders (tax receipts) plug in here; the orders service works the same without them. */
  readonly hooks?: OrderHooks;
}

export interface OrderHooks {
  /**
   * After a change was applied to an order (paid, refunded…), awaited before the caller answers. A failure is
   * logged and never undoes the change: the feature must be able to catch up later.
   */
  orderChanged?(site: SiteContext, order: OrderRecord): Promise<void>;
  /** The tax receipt GET orders/{id} shows, once one is issued. */
  issuedReceipt?(site: SiteContext, order: OrderRecord): Promise<IssuedReceipt | null>;
}

/** The slice of a pino logger the service writes to. Objects first, message second, never a secret. */
export interface OrdersLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
