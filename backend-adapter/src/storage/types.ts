import type {
  FormKind,
  Locale,
  NextAction,
  OfflineMethod,
  OrderLine,
  OrderRequest,
  OrderStatusValue,
} from '../protocol';
import type { ReceiptDraft, ReceiptKind, ReceiptRecord } from '../domain/receipts/types';

/**
 * What the Node host keeps, whatever the database. Money is always an integer in minor units; dates are
 * Date objects here and epoch milliseconds in the tables (the same column type in SQLite and PostgreSQL).
 */

export interface OrderRecord {
  id: string;
  site: string;
  formId: string;
  kind: FormKind;
  status: OrderStatusValue;
  currency: string;
  total: number;
  taxEligibleAmount: number;
  refundedAmount: number;
  recurring: { interval: 'month' | 'year' } | null;
  lines: OrderLine[];
  provider: string;
  providerRef: string | null;
  /** The provider's payment object when it differs from providerRef (Stripe: the intent behind a session). */
  paymentRef: string | null;
  subscriptionRef: string | null;
  offlineMethod: OfflineMethod | null;
  locale: Locale;
  email: string;
  firstName: string;
  lastName: string;
  /** The payer's request as received (after validation), so the back-office sees exactly what was asked. */
  request: OrderRequest;
  /** Human reference written on cheques and transfers. */
  reference: string;
  /** SHA-256 of the status token: the token itself is only ever in the payer's hands. */
  tokenHash: string;
  /** What the widget must do next while the order is pending (client secret, offline instructions…). */
  next: NextAction | null;
  promoCode: string | null;
  createdAt: Date;
  updatedAt: Date;
  paidAt: Date | null;
  expiresAt: Date | null;
  failureCode: string | null;
  /** When the provider was last asked about this pending order (reconciliation). */
  checkedAt: Date | null;
}

export interface MemberRecord {
  id: string;
  orderId: string;
  tierId: string;
  position: number;
  firstName: string;
  lastName: string;
  email: string | null;
  birthDate: string | null;
  fields: Record<string, string | boolean>;
}

export interface TicketRecord {
  id: string;
  orderId: string;
  typeId: string;
  position: number;
  firstName: string | null;
  lastName: string | null;
  /** Printed on the ticket and typed or scanned at the door. */
  code: string;
  checkedInAt: Date | null;
}

export interface SeatRequest {
  typeId: string;
  quantity: number;
}

export interface IdempotencyRecord {
  key: string;
  requestHash: string;
  orderId: string;
  /** The stored answer; null while the first request is still talking to the provider. */
  response: unknown;
}

export interface NewOrder {
  order: OrderRecord;
  members: MemberRecord[];
  tickets: TicketRecord[];
  /** Seats to hold until `order.expiresAt`, checked against the stock in the same transaction. */
  seats: SeatRequest[];
  /**
   * The order's promo code and its limit: its uses (pending and paid orders of the form) are counted under the
   * same lock as the insert, so concurrent buyers never use it more than `maxUses` times.
   */
  promo?: { code: string; maxUses: number };
  idempotency?: { key: string; requestHash: string };
}

export type CreateOrderResult =
  | { ok: true }
  | { ok: false; reason: 'not_enough_available'; typeId: string; available: number }
  | { ok: false; reason: 'promo_code_exhausted' }
  | { ok: false; reason: 'idempotency_key_taken'; existing: IdempotencyRecord };

/** What happens to the seats of a ticket order when its status moves. */
export type SeatEffect = 'sell' | 'release' | 'return';

export interface OrderChange {
  status?: OrderStatusValue;
  paidAt?: Date;
  refundedAmount?: number;
  failureCode?: string | null;
  providerRef?: string;
  paymentRef?: string;
  subscriptionRef?: string;
  next?: NextAction | null;
  seats?: SeatEffect;
  /** One line of the order's history (who moved it, why). */
  note: { source: 'provider' | 'admin' | 'system'; action: string; detail?: string };
}

export type Decision =
  | { type: 'change'; change: OrderChange }
  | { type: 'ignore'; reason: string }
  | { type: 'reject'; code: string; params?: Record<string, string | number> };

export interface ApplyRequest {
  site: string;
  /** The order, or how to find it from one of the provider's references. */
  target:
    { orderId: string } | { provider: string; ref: string; refKind: 'provider' | 'payment' | 'subscription' };
  /** Provider event or operation id: the change is applied at most once per key. */
  once?: { source: string; id: string; type: string };
  now: Date;
  /** Pure and synchronous: it runs inside the transaction, with the order row locked. */
  decide: (order: OrderRecord) => Decision;
}

export type ApplyOutcome =
  | { type: 'duplicate' }
  | { type: 'order_not_found' }
  | { type: 'applied'; order: OrderRecord; decision: Decision };

export interface HistoryEntry {
  at: Date;
  source: string;
  action: string;
  fromStatus: OrderStatusValue | null;
  toStatus: OrderStatusValue | null;
  detail: string | null;
}

export interface StockLevel {
  typeId: string;
  quota: number | null;
  sold: number;
  held: number;
}

export interface OrderFilter {
  status?: OrderStatusValue[];
  kind?: FormKind;
  formId?: string;
  /** Inclusive lower and exclusive upper bound on the creation date. */
  from?: Date;
  to?: Date;
  /** Matched against email, names and reference. */
  search?: string;
}

export interface Page {
  limit: number;
  /** Opaque keyset cursor from the previous page. */
  after?: string;
}

export interface PageOf<T> {
  items: T[];
  next: string | null;
}

export type OrderExportRow = Pick<
  OrderRecord,
  | 'id'
  | 'reference'
  | 'formId'
  | 'status'
  | 'createdAt'
  | 'paidAt'
  | 'total'
  | 'refundedAmount'
  | 'taxEligibleAmount'
  | 'currency'
  | 'recurring'
  | 'provider'
  | 'offlineMethod'
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'lines'
> & { payer: OrderRecord['request']['payer'] };

export interface MemberRow extends MemberRecord {
  formId: string;
  status: OrderStatusValue;
  paidAt: Date | null;
  createdAt: Date;
  payerEmail: string;
}

export interface AttendeeRow extends TicketRecord {
  formId: string;
  status: OrderStatusValue;
  payerEmail: string;
  payerName: string;
  createdAt: Date;
}

export type CheckInResult =
  | { type: 'checked_in'; ticket: TicketRecord }
  | { type: 'already_checked_in'; ticket: TicketRecord }
  | { type: 'not_paid'; ticket: TicketRecord; status: OrderStatusValue }
  | { type: 'not_found' };

export interface ReceiptFilter {
  /** Series (calendar year of issue). */
  year?: number;
  /** Receipts covering this order (an annual receipt covers several). */
  orderId?: string;
  email?: string;
  /** The receipt that replaces (corrects or cancels) this number. */
  replaces?: string;
  kind?: ReceiptKind;
}

export interface IssuedReceiptResult {
  record: ReceiptRecord;
  /** false: a receipt was already issued under the draft's issueKey, and that one is returned. */
  created: boolean;
}

/** A draft naming in `replaces` a receipt that does not exist or was already replaced by another one. */
export class ReceiptReplaceError extends Error {
  constructor(
    readonly reason: 'not_found' | 'already_replaced',
    readonly number: string,
  ) {
    super(`receipt ${number} cannot be replaced: ${reason}`);
    this.name = 'ReceiptReplaceError';
  }
}

/**
 * The receipts ledger (docs/receipts.md): append-only, so there is no update or delete. Issuing allocates the
 * year's next sequence and the site's next ledger position inside the inserting transaction.
 */
export interface ReceiptStorage {
  issueReceipt(site: string, draft: ReceiptDraft): Promise<IssuedReceiptResult>;
  findReceipt(site: string, id: string): Promise<ReceiptRecord | null>;
  findReceiptByNumber(site: string, number: string): Promise<ReceiptRecord | null>;
  findReceiptByIssueKey(site: string, issueKey: string): Promise<ReceiptRecord | null>;
  /** In ledger (position) order. */
  listReceipts(site: string, filter: ReceiptFilter, limit: number, offset?: number): Promise<ReceiptRecord[]>;
  countReceipts(site: string, filter: ReceiptFilter): Promise<number>;
  /** The ledger from position `after` + 1 on, `limit` at a time, for walking the hash chain. */
  receiptsInLedgerOrder(site: string, after: number, limit: number): Promise<ReceiptRecord[]>;
}

export interface Storage extends ReceiptStorage {
  readonly dialect: 'sqlite' | 'postgres';
  /** Applies pending migrations; resolves with the schema version now in place. */
  migrate(): Promise<number>;
  close(): Promise<void>;

  /** Makes the stock rows match the forms' ticket types (quotas change when an editor edits a form). */
  syncStock(site: string, formId: string, types: { typeId: string; quota: number | null }[]): Promise<void>;
  stock(site: string, formId: string, now: Date): Promise<StockLevel[]>;
  promoUses(site: string, formId: string, code: string): Promise<number>;
  raisedAmount(site: string, formId: string): Promise<number>;

  findIdempotency(site: string, key: string): Promise<IdempotencyRecord | null>;
  /** Holds seats, stores the order (and the idempotency key) in one transaction: all or nothing. */
  createOrder(input: NewOrder, now: Date): Promise<CreateOrderResult>;
  /** Records the provider's answer and, once known, the answer idempotent retries get. */
  recordPaymentStart(
    site: string,
    orderId: string,
    start: { providerRef: string | null; next: NextAction | null; expiresAt: Date | null },
    idempotent?: { key: string; response: unknown },
  ): Promise<void>;
  /** A start that never reached the provider: fail the order, free its seats, forget its idempotency key. */
  abandonOrder(site: string, orderId: string, failureCode: string, now: Date): Promise<void>;

  getOrder(site: string, orderId: string): Promise<OrderRecord | null>;
  orderItems(orderId: string): Promise<{ members: MemberRecord[]; tickets: TicketRecord[] }>;
  history(orderId: string): Promise<HistoryEntry[]>;
  apply(request: ApplyRequest): Promise<ApplyOutcome>;

  /** Pending orders whose hold or session ran out before `now`, oldest first. */
  duePending(now: Date, limit: number): Promise<OrderRecord[]>;
  /** Pending orders with a provider reference, created and last checked before `before`, least recently checked first. */
  pendingWithProvider(before: Date, limit: number): Promise<OrderRecord[]>;
  /** Notes that the provider was asked about this order now, so the next run asks about others first. */
  markChecked(orderId: string, now: Date): Promise<void>;

  listOrders(site: string, filter: OrderFilter, page: Page): Promise<PageOf<OrderRecord>>;
  /** The same list with only what an export prints, for walking 100 000 orders quickly. */
  exportOrders(site: string, filter: OrderFilter, page: Page): Promise<PageOf<OrderExportRow>>;
  listMembers(site: string, filter: OrderFilter, page: Page): Promise<PageOf<MemberRow>>;
  listAttendees(site: string, filter: OrderFilter, page: Page): Promise<PageOf<AttendeeRow>>;
  checkIn(site: string, ticket: { id?: string; code?: string }, now: Date): Promise<CheckInResult>;
}
