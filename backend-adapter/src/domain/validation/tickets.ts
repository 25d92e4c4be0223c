import type { Locale, TicketsFormConfig, TicketsOrderRequest } from '../../protocol';
import { domainError, type DomainError } from '../errors';
import { findPromoCode, promoProblem } from '../pricing/promo';
import { resolveText } from '../text';
import { validateCustomFields } from './custom-fields';
import { LIMITS, requireText } from './payer';

type TicketType = TicketsFormConfig['tickets']['types'][number];

export interface TicketsContext {
  locale: Locale;
  now: Date;
  availability?: (typeId: string) => number | null;
  promoUses?: (code: string) => number;
}

/** Seats left: the host's live figure when it gives one, else the configured quota (nothing sold yet). */
export function seatsLeft(type: TicketType, ctx: Pick<TicketsContext, 'availability'>): number | null {
  if (ctx.availability) return ctx.availability(type.id);
  return type.quota ?? null;
}

/** Quantities per known ticket type, in the order the payer listed them; lines with a bad quantity are left out. */
export function orderedQuantities(
  form: TicketsFormConfig,
  request: TicketsOrderRequest,
): Map<string, { type: TicketType; quantity: number; index: number }> {
  const result = new Map<string, { type: TicketType; quantity: number; index: number }>();
  request.tickets.items.forEach((item, index) => {
    const type = form.tickets.types.find((candidate) => candidate.id === item.typeId);
    if (!type || !Number.isSafeInteger(item.quantity) || item.quantity < 0) return;
    const seen = result.get(type.id);
    if (seen) seen.quantity += item.quantity;
    else result.set(type.id, { type, quantity: item.quantity, index });
  });
  return result;
}

/**
 * Items may list a type with quantity 0 (a widget sends every row); the order as a whole needs at least one
 * ticket. Limits: per type (`maxPerOrder` of the type), per order, and seats left. With attendee names on,
 * exactly one name per ticket, of the right type.
 */
export function validateTickets(
  form: TicketsFormConfig,
  request: TicketsOrderRequest,
  ctx: TicketsContext,
): DomainError[] {
  const errors: DomainError[] = [];
  const settings = form.tickets;
  const { items } = request.tickets;

  let itemsValid = true;
  items.forEach((item, index) => {
    if (!settings.types.some((type) => type.id === item.typeId)) {
      errors.push(domainError('ticket_type_not_found', `tickets.items.${index}.typeId`));
      itemsValid = false;
    }
    if (!Number.isSafeInteger(item.quantity) || item.quantity < 0) {
      errors.push(domainError('quantity_invalid', `tickets.items.${index}.quantity`));
      itemsValid = false;
    }
  });

  const quantities = orderedQuantities(form, request);
  let total = 0;
  for (const { type, quantity, index } of quantities.values()) {
    if (quantity === 0) continue;
    total += quantity;
    const at = `tickets.items.${index}.quantity`;
    const name = resolveText(type.name, ctx.locale);
    const left = seatsLeft(type, ctx);
    if (type.maxPerOrder !== undefined && quantity > type.maxPerOrder) {
      errors.push(domainError('quantity_too_large', at, { max: type.maxPerOrder }));
    } else if (left !== null && left <= 0) {
      errors.push(domainError('sold_out', at, { name }));
    } else if (left !== null && quantity > left) {
      errors.push(domainError('not_enough_available', at, { name, available: left }));
    }
  }
  if (items.length === 0 || (itemsValid && total === 0)) {
    errors.push(domainError('no_tickets_selected', 'tickets.items'));
  } else if (total > settings.maxPerOrder) {
    errors.push(domainError('quantity_too_large', 'tickets.items', { max: settings.maxPerOrder }));
  }

  if (settings.attendeeNames && total > 0) errors.push(...validateAttendees(request, quantities));

  const typed = request.tickets.promoCode;
  if (typed !== undefined && typed.trim() !== '') {
    const promo = findPromoCode(form, typed);
    const orderedTypeIds = [...quantities.values()].filter((q) => q.quantity > 0).map((q) => q.type.id);
    const uses = promo && ctx.promoUses ? ctx.promoUses(promo.code) : 0;
    const problem = promoProblem(promo, { now: ctx.now, uses, orderedTypeIds });
    if (problem) errors.push(domainError(problem, 'tickets.promoCode'));
  }

  errors.push(...validateCustomFields(settings.fields, request.tickets.fields, 'tickets.fields', ctx.locale));
  return errors;
}

function validateAttendees(
  request: TicketsOrderRequest,
  quantities: ReturnType<typeof orderedQuantities>,
): DomainError[] {
  const errors: DomainError[] = [];
  const attendees = request.tickets.attendees ?? [];
  const named = new Map<string, number>();
  for (const attendee of attendees) named.set(attendee.typeId, (named.get(attendee.typeId) ?? 0) + 1);
  const matches =
    [...quantities.values()].every(({ type, quantity }) => (named.get(type.id) ?? 0) === quantity) &&
    [...named.keys()].every((typeId) => quantities.has(typeId));
  if (!matches) errors.push(domainError('attendee_names_required', 'tickets.attendees'));
  attendees.forEach((attendee, index) => {
    requireText(errors, attendee.firstName, LIMITS.name, `tickets.attendees.${index}.firstName`);
    requireText(errors, attendee.lastName, LIMITS.name, `tickets.attendees.${index}.lastName`);
  });
  return errors;
}
