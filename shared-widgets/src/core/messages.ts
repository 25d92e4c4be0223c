/**
 * The catalogue codes the widget itself may show: its own checks, and a declined card without a host message.
 * Every other message comes from the host, already in the payer's language. The build ships only these
 * entries of the protocol's error-messages.json, in the page's language, inside each form's chunk: the common
 * codes and its kind's (build.mjs reads this list).
 */
export const WIDGET_ERROR_CODES = {
  common: [
    'required',
    'too_long',
    'invalid_email',
    'invalid_postal_code',
    'invalid_date',
    'payment_declined',
  ],
  donation: ['amount_not_integer', 'amount_too_small', 'amount_too_large'],
  membership: ['amount_not_integer', 'amount_too_small', 'amount_too_large'],
  tickets: ['quantity_invalid', 'quantity_too_large', 'not_enough_available', 'no_tickets_selected'],
} as const;

export type WidgetErrorCode = (typeof WIDGET_ERROR_CODES)[keyof typeof WIDGET_ERROR_CODES][number];
