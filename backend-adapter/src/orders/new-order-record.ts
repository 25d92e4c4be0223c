import { TicketsOrderRequest, type FormConfig, type OrderRequest } from '../protocol';
import { findPromoCode, holdExpiresAt, type Quote } from '../domain';
import type { Static } from '@sinclair/typebox';
import type { MemberRecord, OrderRecord, TicketRecord } from '../storage';
import { newItemId, newOrderId, newReference, newTicketCode } from './secrets';
import type { SiteContext } from './site';

/** How long an offline ticket order keeps its seats while the cheque or transfer is on its way. */
export const OFFLINE_HOLD_DAYS = 14;
/** A card payment nobody finished stops holding anything after a day. */
const UNFINISHED_PAYMENT_HOURS = 24;

/** The pending order as stored before the provider is asked anything: the quote's amounts, the hold's expiry. */
export function newOrderRecord(
  site: SiteContext,
  form: FormConfig,
  request: OrderRequest,
  quote: Quote,
  now: Date,
  tokenHash: string,
): OrderRecord {
  const offline = request.payment.provider === 'offline';
  let expiresAt: Date | null = null;
  if (form.kind === 'tickets') {
    expiresAt = offline
      ? holdExpiresAt(now, OFFLINE_HOLD_DAYS * 24 * 60)
      : holdExpiresAt(now, form.tickets.holdMinutes ?? 30);
  } else if (!offline) {
    expiresAt = holdExpiresAt(now, UNFINISHED_PAYMENT_HOURS * 60);
  }
  const promo = request.kind === 'tickets' ? request.tickets.promoCode : undefined;
  const promoCode = promo && form.kind === 'tickets' ? (findPromoCode(form, promo)?.code ?? null) : null;
  return {
    id: newOrderId(),
    site: site.id,
    formId: form.id,
    kind: form.kind,
    status: 'pending',
    currency: quote.currency,
    total: quote.total,
    taxEligibleAmount: quote.taxEligibleAmount,
    refundedAmount: 0,
    recurring: quote.recurring ?? null,
    lines: quote.lines,
    provider: request.payment.provider,
    providerRef: null,
    paymentRef: null,
    subscriptionRef: null,
    offlineMethod: request.payment.offlineMethod ?? null,
    locale: request.locale,
    email: request.payer.email,
    firstName: request.payer.firstName,
    lastName: request.payer.lastName,
    request,
    reference: newReference(),
    tokenHash,
    next: null,
    promoCode,
    createdAt: now,
    updatedAt: now,
    paidAt: null,
    expiresAt,
    failureCode: null,
    checkedAt: null,
  };
}

export function orderItems(
  orderId: string,
  request: OrderRequest,
): { members: MemberRecord[]; tickets: TicketRecord[] } {
  if (request.kind === 'membership') {
    const members = request.membership.members.map((m, position): MemberRecord => ({
      id: newItemId('mbr'),
      orderId,
      tierId: request.membership.tierId,
      position,
      firstName: m.firstName,
      lastName: m.lastName,
      email: m.email ?? null,
      birthDate: m.birthDate ?? null,
      fields: m.fields ?? {},
    }));
    return { members, tickets: [] };
  }
  if (request.kind === 'tickets') return { members: [], tickets: ticketRecords(orderId, request) };
  return { members: [], tickets: [] };
}

/** One ticket per seat; attendee names, when given, go to the tickets of their type in order. */
function ticketRecords(orderId: string, request: Static<typeof TicketsOrderRequest>): TicketRecord[] {
  const attendees = [...(request.tickets.attendees ?? [])];
  const tickets: TicketRecord[] = [];
  for (const item of request.tickets.items) {
    for (let i = 0; i < item.quantity; i++) {
      const index = attendees.findIndex((a) => a.typeId === item.typeId);
      const attendee = index >= 0 ? attendees.splice(index, 1)[0] : undefined;
      tickets.push({
        id: newItemId('tkt'),
        orderId,
        typeId: item.typeId,
        position: tickets.length,
        firstName: attendee?.firstName ?? null,
        lastName: attendee?.lastName ?? null,
        code: newTicketCode(),
        checkedInAt: null,
      });
    }
  }
  return tickets;
}
