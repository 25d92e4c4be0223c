import type { NextAction } from '../protocol';
import { migrate } from './migrate';
import { applyToOrder } from './sql-apply';
import type { SqlDriver } from './sql-driver';
import { history } from './sql-history';
import { exportOrders, listAttendees, listMembers, listOrders } from './sql-lists';
import { abandonOrder, createOrder, findIdempotency, recordPaymentStart } from './sql-order-start';
import {
  checkIn,
  duePending,
  getOrder,
  markChecked,
  orderItems,
  pendingWithProvider,
  promoUses,
  raisedAmount,
} from './sql-orders';
import {
  countReceipts,
  findReceipt,
  findReceiptByIssueKey,
  findReceiptByNumber,
  issueReceipt,
  listReceipts,
  receiptsInLedgerOrder,
} from './sql-receipts';
import { stock, syncStock } from './sql-stock';
import type { ReceiptDraft } from '../domain/receipts/types';
import type { ApplyRequest, NewOrder, OrderFilter, Page, ReceiptFilter, Storage } from './types';

/**
 * The one Storage implementation: portable SQL over a driver (SQLite or PostgreSQL). What must be atomic —
 * reserving seats, applying an event once — happens inside one driver transaction, with the stock rows
 * locked on PostgreSQL (SELECT … FOR UPDATE) and the whole database write-locked on SQLite (BEGIN IMMEDIATE).
 * Each concern's SQL lives in its own module (sql-stock, sql-order-start, sql-apply, sql-orders, sql-lists,
 * sql-receipts).
 */
export class SqlStorage implements Storage {
  constructor(private readonly db: SqlDriver) {}

  get dialect(): 'sqlite' | 'postgres' {
    return this.db.dialect;
  }

  migrate(): Promise<number> {
    return migrate(this.db);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  syncStock(site: string, formId: string, types: { typeId: string; quota: number | null }[]) {
    return syncStock(this.db, site, formId, types);
  }

  stock(site: string, formId: string, now: Date) {
    return stock(this.db, site, formId, now);
  }

  promoUses(site: string, formId: string, code: string) {
    return promoUses(this.db, site, formId, code);
  }

  raisedAmount(site: string, formId: string) {
    return raisedAmount(this.db, site, formId);
  }

  findIdempotency(site: string, key: string) {
    return findIdempotency(this.db, site, key);
  }

  createOrder(input: NewOrder, now: Date) {
    return createOrder(this.db, input, now);
  }

  recordPaymentStart(
    site: string,
    orderId: string,
    start: { providerRef: string | null; next: NextAction | null; expiresAt: Date | null },
    idempotent?: { key: string; response: unknown },
  ) {
    return recordPaymentStart(this.db, site, orderId, start, idempotent);
  }

  abandonOrder(site: string, orderId: string, failureCode: string, now: Date) {
    return abandonOrder(this.db, site, orderId, failureCode, now);
  }

  getOrder(site: string, orderId: string) {
    return getOrder(this.db, site, orderId);
  }

  orderItems(orderId: string) {
    return orderItems(this.db, orderId);
  }

  history(orderId: string) {
    return history(this.db, orderId);
  }

  apply(request: ApplyRequest) {
    return applyToOrder(this.db, request);
  }

  duePending(now: Date, limit: number) {
    return duePending(this.db, now, limit);
  }

  pendingWithProvider(before: Date, limit: number) {
    return pendingWithProvider(this.db, before, limit);
  }

  markChecked(orderId: string, now: Date) {
    return markChecked(this.db, orderId, now);
  }

  listOrders(site: string, filter: OrderFilter, page: Page) {
    return listOrders(this.db, site, filter, page);
  }

  exportOrders(site: string, filter: OrderFilter, page: Page) {
    return exportOrders(this.db, site, filter, page);
  }

  listMembers(site: string, filter: OrderFilter, page: Page) {
    return listMembers(this.db, site, filter, page);
  }

  listAttendees(site: string, filter: OrderFilter, page: Page) {
    return listAttendees(this.db, site, filter, page);
  }

  checkIn(site: string, ticket: { id?: string; code?: string }, now: Date) {
    return checkIn(this.db, site, ticket, now);
  }

  issueReceipt(site: string, draft: ReceiptDraft) {
    return issueReceipt(this.db, site, draft);
  }

  findReceipt(site: string, id: string) {
    return findReceipt(this.db, site, id);
  }

  findReceiptByNumber(site: string, number: string) {
    return findReceiptByNumber(this.db, site, number);
  }

  findReceiptByIssueKey(site: string, issueKey: string) {
    return findReceiptByIssueKey(this.db, site, issueKey);
  }

  listReceipts(site: string, filter: ReceiptFilter, limit: number, offset = 0) {
    return listReceipts(this.db, site, filter, limit, offset);
  }

  countReceipts(site: string, filter: ReceiptFilter) {
    return countReceipts(this.db, site, filter);
  }

  receiptsInLedgerOrder(site: string, after: number, limit: number) {
    return receiptsInLedgerOrder(this.db, site, after, limit);
  }
}
