/**
 * The catalogue codes the widget itself may show: its own checks, and a declined test card without a host
 * message. Every other message comes from the host, already in the payer's language. The build ships only these
 * entries of the protocol's error-messages.json (build.mjs reads this list): inside each form's chunk, the common
 * codes and its kind's, in the page's language; inside the simulation's step, its own, in both.
 */
export const WIDGET_ERROR_CODES = {
  common: ['required', 'too_long', 'invalid_email', 'invalid_postal_code', 'invalid_date'],
  donation: ['amount_not_integer', 'amount_too_small', 'amount_too_large'],
  membership: ['amount_not_integer', 'amount_too_small', 'amount_too_large'],
  tickets: ['quantity_invalid', 'quantity_too_large', 'not_enough_available', 'no_tickets_selected'],
  simulation: ['payment_declined'],
} as const;

export type WidgetErrorCode = (typeof WIDGET_ERROR_CODES)[keyof typeof WIDGET_ERROR_CODES][number];
