import type { FormConfig } from '../protocol';
import type { OrderRecord } from '../storage';

export type PaymentReceiptCheck =
  | { ok: true; amount: number }
  | {
      ok: false;
      reason: 'not_paid' | 'kind' | 'recurring' | 'not_requested' | 'form' | 'currency' | 'below_minimum';
    };

/**
 * Whether a paid one-off order gets a `payment` receipt, and for how much (docs/receipts.md): a donation or
 * membership whose payer asked for one, on a form offering receipts, in euros, its eligible amount (minus
 * refunds) at least the form's minimum. Recurring gifts wait for the annual receipt; tickets never get one.
 */
export function paymentReceiptCheck(order: OrderRecord, form: FormConfig | undefined): PaymentReceiptCheck {
  if (order.status !== 'paid') return { ok: false, reason: 'not_paid' };
  if (order.kind === 'tickets') return { ok: false, reason: 'kind' };
  if (order.recurring) return { ok: false, reason: 'recurring' };
  if (!requested(order)) return { ok: false, reason: 'not_requested' };
  const settings = receiptSettingsOf(form);
  if (!settings?.enabled) return { ok: false, reason: 'form' };
  if (order.currency !== 'EUR') return { ok: false, reason: 'currency' };
  const amount = eligibleAmount(order);
  if (amount <= 0 || amount < (settings.minimumAmount ?? 0)) return { ok: false, reason: 'below_minimum' };
  return { ok: true, amount };
}

/** What a receipt may certify for the order now: its eligible part, less what was given back. */
export const eligibleAmount = (order: OrderRecord): number =>
  Math.max(0, order.taxEligibleAmount - order.refundedAmount);

/** The payer ticked "I want a tax receipt". */
export function requested(order: OrderRecord): boolean {
  const request = order.request;
  if (request.kind === 'donation') return request.donation.taxReceipt === true;
  if (request.kind === 'membership') return request.membership.taxReceipt === true;
  return false;
}

export function receiptSettingsOf(form: FormConfig | undefined) {
  return form && form.kind !== 'tickets' ? form.taxReceipt : undefined;
}
