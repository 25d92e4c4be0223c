import type { ErrorCode, MessageParams } from '../protocol';
import { ERROR_STATUS } from '../protocol';
import type { DomainError } from '../domain';

/**
 * A refusal the payer or the treasurer must hear about, as protocol data: the host renders the message in the
 * reader's language (errorMessage) and answers with `status`. Never carries a secret.
 */
export class OrderError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly details: {
      params?: MessageParams;
      field?: string;
      errors?: DomainError[];
      retryable?: boolean;
      status?: number;
    } = {},
  ) {
    super(code);
    this.name = 'OrderError';
    this.status = details.status ?? ERROR_STATUS[code] ?? 400;
  }
}

/** Field problems answered together as one 422 `validation_failed`. */
export const validationFailed = (errors: DomainError[]) => new OrderError('validation_failed', { errors });
