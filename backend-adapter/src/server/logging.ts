import type { FastifyServerOptions } from 'fastify';

/**
 * Structured logs (Fastify's pino) that never hold a secret: no header is logged, the `token` of a status URL
 * is masked, and any logged object's secret-looking keys are censored — wherever a careless log line puts them.
 */
const SECRET_KEYS = [
  'authorization',
  'token',
  'adminToken',
  'secret',
  'secretKey',
  'webhookSecret',
  'clientSecret',
  'apiKey',
  'password',
  'stripe-signature',
  'guichet-signature',
  'cookie',
];

const path = (prefix: string, key: string) =>
  key.includes('-') ? `${prefix}["${key}"]` : `${prefix}.${key}`;

export const REDACT_PATHS = [
  ...SECRET_KEYS.filter((key) => !key.includes('-')),
  ...SECRET_KEYS.map((key) => path('*', key)),
  ...SECRET_KEYS.map((key) => path('*.*', key)),
];

/** `/orders/x?token=abc&locale=fr` → `/orders/x?token=[REDACTED]&locale=fr` (the no-JS simulation page's `secret` too). */
export function maskUrl(url: string): string {
  return url.replace(/([?&](?:token|client_secret|secret|key)=)[^&#]*/gi, '$1[REDACTED]');
}

export interface LogDestination {
  write(line: string): void;
}

export function loggerOptions(opts: {
  level?: string;
  stream?: LogDestination;
}): NonNullable<FastifyServerOptions['logger']> {
  return {
    level: opts.level ?? 'info',
    ...(opts.stream ? { stream: opts.stream } : {}),
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
    serializers: {
      req: (req: { method: string; url: string; ip?: string; id?: string }) => ({
        method: req.method,
        url: maskUrl(req.url),
        ip: req.ip,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
