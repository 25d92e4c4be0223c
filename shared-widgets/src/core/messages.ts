import type { Locale } from '../../../backend-adapter/src/protocol/common';
import { errorMessage, type MessageParams } from '../../../backend-adapter/src/protocol/messages';

/**
 * The catalogue codes the widget itself may show (its own checks, and a declined card without a host
 * message). build.mjs reads this list and ships only these entries of error-messages.json: every other
 * message comes from the host, already in the payer's language.
 */
export const WIDGET_ERROR_CODES = [
  'required',
  'too_long',
  'invalid_email',
  'invalid_postal_code',
  'invalid_date',
  'amount_not_integer',
  'amount_too_small',
  'amount_too_large',
  'quantity_invalid',
  'quantity_too_large',
  'not_enough_available',
  'no_tickets_selected',
  'payment_declined',
] as const;

export type WidgetErrorCode = (typeof WIDGET_ERROR_CODES)[number];

export const isWidgetCode = (code: string): code is WidgetErrorCode =>
  (WIDGET_ERROR_CODES as readonly string[]).includes(code);

/** The catalogue's message; `{field}` should be given (the label on screen), as the pruned catalogue has no labels. */
export function widgetMessage(code: WidgetErrorCode, locale: Locale, params: MessageParams): string {
  return errorMessage(code, locale, params);
}
