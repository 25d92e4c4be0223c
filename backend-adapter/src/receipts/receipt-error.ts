import type { DomainError } from '../domain';

/** Why the treasurer's receipt action cannot be done; the routes turn it into an ErrorResponse. */
export class ReceiptError extends Error {
  constructor(
    readonly reason: 'not_found' | 'issuer_not_configured' | 'already_replaced' | 'cancellation',
    readonly number: string | null,
    /** The issuer settings' problems, for issuer_not_configured. */
    readonly problems: DomainError[] = [],
    /** The receipt that replaced `number`, for already_replaced. */
    readonly replacedBy?: string,
  ) {
    super(`receipt ${number ?? ''}: ${reason}`);
    this.name = 'ReceiptError';
  }
}
