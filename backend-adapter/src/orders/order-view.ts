import {
  errorMessage,
  type FormConfig,
  type IssuedReceipt,
  type Locale,
  type OrderStatus,
} from '../protocol';
import { resolveText } from '../domain';
import type { OrderRecord, TicketRecord } from '../storage';

/** Provider failure codes that have their own message; any other decline reads as a plain decline. */
const FAILURE_MESSAGES: Record<string, 'authentication_failed' | 'payment_declined' | 'provider_error'> = {
  authentication_failed: 'authentication_failed',
  provider_error: 'provider_error',
};

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The protocol's view of an order, for the payer holding its token (no e-mail, no address, no secret). */
export function orderStatusView(
  order: OrderRecord,
  opts: { locale: Locale; form?: FormConfig; tickets?: TicketRecord[]; receipt?: IssuedReceipt | null },
): OrderStatus {
  const view: OrderStatus = {
    id: order.id,
    formId: order.formId,
    kind: order.kind,
    status: order.status,
    currency: order.currency,
    lines: order.lines,
    total: order.total,
    refundedAmount: order.refundedAmount,
    provider: order.provider,
    createdAt: order.createdAt.toISOString(),
    paidAt: iso(order.paidAt),
    expiresAt: iso(order.expiresAt),
    failure: failureOf(order, opts.locale),
  };
  if (order.recurring) view.recurring = order.recurring;
  if (order.status === 'pending' && order.next) view.next = order.next;
  if (opts.receipt) view.receipt = opts.receipt;
  if (order.status === 'paid' && opts.tickets?.length) {
    const form = opts.form?.kind === 'tickets' ? opts.form : undefined;
    view.tickets = opts.tickets.map((ticket) => {
      const type = form?.tickets.types.find((t) => t.id === ticket.typeId);
      const issued: NonNullable<OrderStatus['tickets']>[number] = {
        id: ticket.id,
        typeId: ticket.typeId,
        label: type ? resolveText(type.name, opts.locale) : ticket.typeId,
        code: ticket.code,
      };
      if (ticket.firstName || ticket.lastName) {
        issued.attendee = [ticket.firstName, ticket.lastName].filter(Boolean).join(' ');
      }
      return issued;
    });
  }
  return view;
}

function failureOf(order: OrderRecord, locale: Locale): OrderStatus['failure'] {
  if (order.status !== 'failed' || !order.failureCode) return null;
  // The payer sees a catalogue code; the processor's own reason (insufficient_funds…) stays for the treasurer.
  const code = FAILURE_MESSAGES[order.failureCode] ?? 'payment_declined';
  return { code, message: errorMessage(code, locale) };
}
