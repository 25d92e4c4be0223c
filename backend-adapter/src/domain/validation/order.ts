import type { FormConfig, OrderRequest } from '../../protocol';
import type { OrderContext } from '../context';
import { domainError, type DomainError } from '../errors';
import { scheduleStatus } from '../forms/form-status';
import { isKnownCurrency } from '../money';
import { receiptIssued } from '../pricing/tax-eligibility';
import { validateDonation } from './donation';
import { validateMembership } from './membership';
import { validatePayer } from './payer';
import { validatePaymentChoice } from './payment';
import { validateTickets } from './tickets';

/**
 * Every rule an order must meet, all problems at once so the payer fixes everything in one go.
 *
 * Answers either nothing (valid), or exactly one top-level error that makes the rest moot — `form_closed`,
 * `form_not_yet_open`, `bad_request` (the request is for another kind of form), `currency_mismatch` (the form's
 * currency is unknown) — or any number of field errors (each with its dotted `field`), which the host answers
 * as one 422 `validation_failed`. `amount_mismatch` is not judged here: it needs the price (see quoteOrder).
 */
export function validateOrder(form: FormConfig, request: OrderRequest, ctx: OrderContext): DomainError[] {
  const status = scheduleStatus(form, ctx.now);
  if (status === 'closed') return [domainError('form_closed')];
  if (status === 'not_yet_open') return [domainError('form_not_yet_open')];
  if (request.kind !== form.kind) return [domainError('bad_request', 'kind')];
  if (!isKnownCurrency(form.currency))
    return [domainError('currency_mismatch', undefined, { currency: form.currency })];

  const errors: DomainError[] = [];
  errors.push(...validatePaymentChoice(form, request.payment));
  let addressRequired = false;
  if (form.kind === 'donation' && request.kind === 'donation') {
    errors.push(...validateDonation(form, request, ctx.locale));
    addressRequired = receiptIssued(form, request);
  } else if (form.kind === 'membership' && request.kind === 'membership') {
    errors.push(...validateMembership(form, request, ctx));
    addressRequired = receiptIssued(form, request);
  } else if (form.kind === 'tickets' && request.kind === 'tickets') {
    errors.push(...validateTickets(form, request, ctx));
  }
  errors.unshift(...validatePayer(request.payer, { addressRequired }));
  return errors;
}
