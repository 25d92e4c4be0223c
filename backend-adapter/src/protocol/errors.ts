import { Type, type Static } from '@sinclair/typebox';
import type { ErrorCode } from './messages';

// The catalogue and its lookups live in messages.ts, free of TypeBox, so browser bundles can import them alone.
export { ERROR_CODES, errorMessage, fieldLabel, isErrorCode } from './messages';
export type { ErrorCode, MessageParams } from './messages';

/** One problem, tied to the field it concerns (a dotted path such as `payer.email` or `tickets.items.0.quantity`). */
export const FieldError = Type.Object(
  {
    code: Type.String(),
    field: Type.Optional(Type.String()),
    message: Type.String(),
  },
  { title: 'FieldError', additionalProperties: false },
);
export type FieldError = Static<typeof FieldError>;

/** Every error answer: a stable machine code, a message in the payer's language, and per-field details. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.String(),
        message: Type.String(),
        field: Type.Optional(Type.String()),
        errors: Type.Optional(Type.Array(FieldError)),
        retryable: Type.Optional(Type.Boolean()),
      },
      { additionalProperties: false },
    ),
  },
  { title: 'ErrorResponse', additionalProperties: false },
);
export type ErrorResponse = Static<typeof ErrorResponse>;

/**
 * Codes that describe one field's problem: they travel in `errors[]` (each with its `field`) of a 422
 * `validation_failed`. `sold_out` and `not_enough_available` are also top-level codes (409) because availability is
 * checked after validation, when seats are reserved. Every other code is top-level only (see ERROR_STATUS).
 */
export const FIELD_ERROR_CODES = [
  'required',
  'invalid_email',
  'too_long',
  'invalid_choice',
  'invalid_date',
  'invalid_postal_code',
  'invalid_country',
  'invalid_phone',
  'amount_not_integer',
  'amount_too_small',
  'amount_too_large',
  'custom_amount_not_allowed',
  'frequency_not_allowed',
  'currency_mismatch',
  'address_required',
  'tax_receipt_not_available',
  'tier_not_found',
  'too_many_members',
  'extra_donation_not_allowed',
  'ticket_type_not_found',
  'quantity_invalid',
  'quantity_too_large',
  'no_tickets_selected',
  'sold_out',
  'not_enough_available',
  'attendee_names_required',
  'invalid_promo_code',
  'promo_code_expired',
  'promo_code_exhausted',
  'provider_not_available',
] as const satisfies readonly ErrorCode[];

/** HTTP status each top-level code is answered with. */
export const ERROR_STATUS: Partial<Record<ErrorCode, number>> = {
  bad_request: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  form_not_found: 404,
  order_not_found: 404,
  invalid_token: 404,
  form_closed: 409,
  form_not_yet_open: 409,
  validation_failed: 422,
  amount_mismatch: 409,
  sold_out: 409,
  not_enough_available: 409,
  idempotency_conflict: 409,
  illegal_transition: 409,
  rate_limited: 429,
  provider_error: 502,
  payment_declined: 402,
  authentication_failed: 402,
  webhook_signature_invalid: 400,
  webhook_payload_invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  method_not_allowed: 405,
  internal_error: 500,
};
