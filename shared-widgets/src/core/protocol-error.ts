import type { ProtocolError } from './client';

/**
 * Whether a failure is the protocol's (a ProtocolError). The client lives in guichet.js (core/host.ts) while
 * the code reading its errors lives in each form's chunk, which must not import the client's module (esbuild
 * would move it to a chunk of its own): so the error is recognised by its fields, not its class.
 */
export const isProtocolError = (error: unknown): error is ProtocolError =>
  typeof (error as Partial<ProtocolError> | undefined)?.status === 'number';

/** No answer, a server failure or a rate limit: the same request may be sent again as it is. */
export const retryable = ({ status, body }: ProtocolError): boolean =>
  status === 0 || status >= 500 || status === 429 || body?.retryable === true;
