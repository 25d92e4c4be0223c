import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorMessage, type ErrorResponse, type Locale } from '../protocol';
import type { DomainError } from '../domain';
import { OrderError } from '../orders';
import { requestLocale } from './locale';

/**
 * Every error leaves as the protocol's ErrorResponse, in the reader's language: a stable code, a catalogue
 * message, the field concerned and each field problem. Never Fastify's own error JSON, never a stack trace.
 */
export function errorBody(error: OrderError, locale: Locale): ErrorResponse {
  const params = error.details.params ?? {};
  const body: ErrorResponse = {
    error: { code: error.code, message: errorMessage(error.code, locale, params, error.details.field) },
  };
  if (error.details.field) body.error.field = error.details.field;
  if (error.details.errors?.length)
    body.error.errors = error.details.errors.map((e) => fieldError(e, locale));
  if (error.details.retryable) body.error.retryable = true;
  return body;
}

const fieldError = (e: DomainError, locale: Locale) => ({
  code: e.code,
  ...(e.field === undefined ? {} : { field: e.field }),
  message: errorMessage(e.code, locale, e.params ?? {}, e.field),
});

export function sendError(request: FastifyRequest, reply: FastifyReply, error: OrderError): FastifyReply {
  if (error.code === 'rate_limited' && error.details.params?.retryAfter !== undefined) {
    reply.header('Retry-After', String(error.details.params.retryAfter));
  }
  return reply
    .code(error.status)
    .header('Cache-Control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(errorBody(error, requestLocale(request)));
}

/** Fastify's own failures (body parsing, limits) as protocol codes. */
function fromFramework(error: FastifyError): OrderError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new OrderError('payload_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new OrderError('unsupported_media_type');
    default:
      if (error.statusCode === 413) return new OrderError('payload_too_large');
      if (error.statusCode === 415) return new OrderError('unsupported_media_type');
      if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
        return new OrderError('bad_request');
      }
      return null;
  }
}

export function handleError(error: FastifyError | OrderError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof OrderError) return sendError(request, reply, error);
  const known = fromFramework(error);
  if (known) return sendError(request, reply, known);
  request.log.error({ err: error }, 'unexpected error');
  return sendError(request, reply, new OrderError('internal_error', { retryable: true }));
}
