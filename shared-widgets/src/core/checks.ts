import {
  checkEmail,
  checkOptionalText,
  checkRequiredText,
  isValidDate,
  isValidPostalCode,
} from '../../../backend-adapter/src/domain/validation/fields';
import { amountError } from '../../../backend-adapter/src/domain/validation/amounts';
import { parseAmount, type Check, type Ctx, type Issue } from './context';
import type { WidgetErrorCode } from './messages';

/*
 * Field checks built on the domain's single-value rules, so the widget and the server refuse the same
 * values with the same catalogue messages. The server still checks everything again.
 */

export const text =
  (ctx: Ctx, name: string, max: number, required = true): Check =>
  () => {
    // The state's texts are strings, so the answer is required, too_long or null (never invalid_choice).
    const code = (required ? checkRequiredText : checkOptionalText)(ctx.state.text(name), max);
    return code && { code: code as WidgetErrorCode, params: { max } };
  };

export const email =
  (ctx: Ctx, name: string, required = true): Check =>
  () => {
    const value = ctx.state.text(name);
    if (!required && value.trim() === '') return null;
    // checkEmail answers required, too_long or invalid_email: all messages the widget carries.
    const code = checkEmail(value) as WidgetErrorCode | null;
    return code && { code, params: { max: 254 } };
  };

export const postalCode =
  (ctx: Ctx, name: string, countryField: string): Check =>
  () => {
    const issue = text(ctx, name, 20)();
    if (issue) return issue;
    return isValidPostalCode(ctx.state.text(name), ctx.state.text(countryField) || 'FR')
      ? null
      : { code: 'invalid_postal_code' };
  };

export const date =
  (ctx: Ctx, name: string, required: boolean): Check =>
  () => {
    const value = ctx.state.text(name);
    if (value === '') return required ? { code: 'required' } : null;
    return isValidDate(value) ? null : { code: 'invalid_date' };
  };

/** A choice (radio group, select) or a box that must be ticked. */
export const chosen =
  (ctx: Ctx, name: string): Check =>
  () =>
    ctx.state.text(name) === '' && !ctx.state.flag(name) ? { code: 'required' } : null;

/** An amount typed by the payer, within bounds; `optional` lets an empty field pass. */
export function amount(
  ctx: Ctx,
  name: string,
  bounds: () => { min: number; max: number },
  optional = false,
): Check {
  return () => {
    const typed = ctx.state.text(name).trim();
    if (typed === '') return optional ? null : { code: 'required' };
    const error = amountError(parseAmount(ctx, typed), bounds(), name, {
      currency: ctx.def.currency,
      locale: ctx.i18n.locale,
    });
    // amountError answers amount_not_integer, amount_too_small or amount_too_large: all carried by the widget.
    return error as Issue | null;
  };
}
