/**
 * Stripe's error envelope. Real Stripe answers `{error:{type,code,message,param,doc_url}}` and the SDK maps
 * the HTTP status and `type` to its error classes (400/404 → StripeInvalidRequestError, 401 →
 * StripeAuthenticationError, 402 → StripeCardError, `idempotency_error` → StripeIdempotencyError), so both
 * must match for adapters to see the same exceptions as in production.
 */

export type StripeErrorType = 'invalid_request_error' | 'idempotency_error' | 'card_error' | 'api_error';

export interface StripeErrorBody {
  error: {
    type: StripeErrorType;
    message: string;
    code?: string;
    param?: string;
    decline_code?: string;
    doc_url?: string;
    payment_intent?: unknown;
  };
}

export class EmulatorError extends Error {
  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly code?: string,
    readonly param?: string,
    readonly extra: { decline_code?: string; payment_intent?: unknown } = {},
  ) {
    super(message);
    this.name = 'EmulatorError';
  }

  toBody(): StripeErrorBody {
    const error: StripeErrorBody['error'] = { type: this.type, message: this.message };
    if (this.code !== undefined) {
      error.code = this.code;
      error.doc_url = `https://stripe.com/docs/error-codes/${this.code.replace(/_/g, '-')}`;
    }
    if (this.param !== undefined) error.param = this.param;
    if (this.extra.decline_code !== undefined) error.decline_code = this.extra.decline_code;
    if (this.extra.payment_intent !== undefined) error.payment_intent = this.extra.payment_intent;
    return { error };
  }
}

export function invalidRequest(message: string, param?: string, code?: string): EmulatorError {
  return new EmulatorError(400, 'invalid_request_error', message, code, param);
}

export function missingParam(param: string): EmulatorError {
  return invalidRequest(`Missing required param: ${param}.`, param, 'parameter_missing');
}

export function unknownParam(param: string): EmulatorError {
  return invalidRequest(
    `Received unknown parameter: ${param}. (The Guichet Stripe emulator only implements the parameters Guichet uses.)`,
    param,
    'parameter_unknown',
  );
}

/** A path id that does not exist is a 404; an id passed as a body parameter is a 400 (as in real Stripe). */
export function resourceMissing(kind: string, id: string, param: string, status: 400 | 404): EmulatorError {
  return new EmulatorError(
    status,
    'invalid_request_error',
    `No such ${kind}: '${id}'`,
    'resource_missing',
    param,
  );
}

export function authenticationError(message: string): EmulatorError {
  return new EmulatorError(401, 'invalid_request_error', message);
}

export function idempotencyError(message: string): EmulatorError {
  return new EmulatorError(400, 'idempotency_error', message);
}

export function unexpectedState(message: string, code: string, param?: string): EmulatorError {
  return invalidRequest(message, param, code);
}
