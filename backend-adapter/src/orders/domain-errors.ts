import { ERROR_STATUS } from '../protocol';
import type { DomainError } from '../domain';
import { OrderError, validationFailed } from './order-error';

/**
 * The domain's verdict as one protocol error: a lone top-level error as itself (form_closed, amount_mismatch…);
 * field errors sharing one code that has its own HTTP status (sold_out, not_enough_available) under that code;
 * anything else as 422 validation_failed listing every field.
 */
export function fromDomainErrors(errors: DomainError[]): OrderError {
  const [first] = errors;
  if (first && errors.length === 1 && first.field === undefined) {
    return new OrderError(first.code, { ...(first.params ? { params: first.params } : {}) });
  }
  const codes = new Set(errors.map((e) => e.code));
  if (first && codes.size === 1 && first.code !== 'bad_request' && ERROR_STATUS[first.code] !== undefined) {
    return new OrderError(first.code, {
      errors,
      ...(first.field ? { field: first.field } : {}),
      ...(first.params ? { params: first.params } : {}),
    });
  }
  return validationFailed(errors);
}
