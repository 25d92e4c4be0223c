import type { ErrorCode, MessageParams } from '../protocol';

/**
 * A broken rule, in data: the host turns it into a FieldError with `errorMessage(code, locale, params, field)`.
 * `field` is a dotted path into the request (`payer.email`, `tickets.items.0.quantity`); amounts in `params`
 * are already formatted for the payer's locale.
 */
export interface DomainError {
  code: ErrorCode;
  field?: string;
  params?: MessageParams;
}

export function domainError(code: ErrorCode, field?: string, params?: MessageParams): DomainError {
  const error: DomainError = { code };
  if (field !== undefined) error.field = field;
  if (params !== undefined) error.params = params;
  return error;
}
