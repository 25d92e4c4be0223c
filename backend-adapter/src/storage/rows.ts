import type {
  FormKind,
  Locale,
  NextAction,
  OfflineMethod,
  OrderLine,
  OrderRequest,
  OrderStatusValue,
} from '../protocol';
import type { HistoryEntry, MemberRecord, OrderRecord, TicketRecord } from './types';
import type { SqlValue } from './sql-driver';

/** Column lists and row ↔ record conversions shared by both databases. */

export const ORDER_COLUMNS = [
  'id',
  'site',
  'form_id',
  'kind',
  'status',
  'currency',
  'total',
  'tax_eligible',
  'refunded',
  'recurring',
  'lines',
  'provider',
  'provider_ref',
  'payment_ref',
  'subscription_ref',
  'offline_method',
  'locale',
  'email',
  'first_name',
  'last_name',
  'request',
  'reference',
  'token_hash',
  'next_action',
  'promo_code',
  'created_at',
  'updated_at',
  'paid_at',
  'expires_at',
  'failure_code',
  'checked_at',
] as const;

type Row = Record<string, unknown>;

const ms = (date: Date | null): number | null => (date ? date.getTime() : null);
const date = (value: unknown): Date | null =>
  value === null || value === undefined ? null : new Date(Number(value));
const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
const json = <T>(value: unknown): T => JSON.parse(String(value)) as T;

export function orderValues(order: OrderRecord): SqlValue[] {
  return [
    order.id,
    order.site,
    order.formId,
    order.kind,
    order.status,
    order.currency,
    order.total,
    order.taxEligibleAmount,
    order.refundedAmount,
    order.recurring ? order.recurring.interval : null,
    JSON.stringify(order.lines),
    order.provider,
    order.providerRef,
    order.paymentRef,
    order.subscriptionRef,
    order.offlineMethod,
    order.locale,
    order.email,
    order.firstName,
    order.lastName,
    JSON.stringify(order.request),
    order.reference,
    order.tokenHash,
    order.next ? JSON.stringify(order.next) : null,
    order.promoCode,
    order.createdAt.getTime(),
    order.updatedAt.getTime(),
    ms(order.paidAt),
    ms(order.expiresAt),
    order.failureCode,
    ms(order.checkedAt),
  ];
}

export function toOrder(row: Row): OrderRecord {
  const recurring = text(row.recurring);
  return {
    id: String(row.id),
    site: String(row.site),
    formId: String(row.form_id),
    kind: row.kind as FormKind,
    status: row.status as OrderStatusValue,
    currency: String(row.currency),
    total: Number(row.total),
    taxEligibleAmount: Number(row.tax_eligible),
    refundedAmount: Number(row.refunded),
    recurring: recurring ? { interval: recurring as 'month' | 'year' } : null,
    lines: json<OrderLine[]>(row.lines),
    provider: String(row.provider),
    providerRef: text(row.provider_ref),
    paymentRef: text(row.payment_ref),
    subscriptionRef: text(row.subscription_ref),
    offlineMethod: text(row.offline_method) as OfflineMethod | null,
    locale: row.locale as Locale,
    email: String(row.email),
    firstName: String(row.first_name),
    lastName: String(row.last_name),
    request: json<OrderRequest>(row.request),
    reference: String(row.reference),
    tokenHash: String(row.token_hash),
    next:
      row.next_action === null || row.next_action === undefined ? null : json<NextAction>(row.next_action),
    promoCode: text(row.promo_code),
    createdAt: date(row.created_at) as Date,
    updatedAt: date(row.updated_at) as Date,
    paidAt: date(row.paid_at),
    expiresAt: date(row.expires_at),
    failureCode: text(row.failure_code),
    checkedAt: date(row.checked_at),
  };
}

export const memberValues = (m: MemberRecord): SqlValue[] => [
  m.id,
  m.orderId,
  m.tierId,
  m.position,
  m.firstName,
  m.lastName,
  m.email,
  m.birthDate,
  JSON.stringify(m.fields),
];

export const toMember = (row: Row): MemberRecord => ({
  id: String(row.id),
  orderId: String(row.order_id),
  tierId: String(row.tier_id),
  position: Number(row.position),
  firstName: String(row.first_name),
  lastName: String(row.last_name),
  email: text(row.email),
  birthDate: text(row.birth_date),
  fields: json<Record<string, string | boolean>>(row.fields),
});

export const ticketValues = (t: TicketRecord): SqlValue[] => [
  t.id,
  t.orderId,
  t.typeId,
  t.position,
  t.firstName,
  t.lastName,
  t.code,
  ms(t.checkedInAt),
];

export const toTicket = (row: Row): TicketRecord => ({
  id: String(row.id),
  orderId: String(row.order_id),
  typeId: String(row.type_id),
  position: Number(row.position),
  firstName: text(row.first_name),
  lastName: text(row.last_name),
  code: String(row.code),
  checkedInAt: date(row.checked_in_at),
});

export const toHistory = (row: Row): HistoryEntry => ({
  at: date(row.at) as Date,
  source: String(row.source),
  action: String(row.action),
  fromStatus: text(row.from_status) as OrderStatusValue | null,
  toStatus: text(row.to_status) as OrderStatusValue | null,
  detail: text(row.detail),
});

export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
