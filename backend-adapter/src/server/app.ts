import Fastify, { type FastifyInstance } from 'fastify';
import { OrderError, type OrdersDeps } from '../orders';
import type { Storage } from '../storage';
import type { ResolvedConfig } from './config/resolved-config';
import { ReceiptService } from '../receipts';
import { registerCors } from './cors';
import { receiptHooks } from './receipt-hooks';
import { handleError, sendError } from './error-response';
import { orderThrottle } from './rate-limit';
import type { HostContext } from './host-context';
import { loggerOptions, type LogDestination } from './logging';
import { adminReceiptRoutes } from './routes/admin-receipt-routes';
import { adminRoutes } from './routes/admin-routes';
import { receiptRoutes } from './routes/receipt-routes';
import { noJsRoutes } from './routes/no-js-routes';
import { publicRoutes } from './routes/public-routes';
import { staticRoutes } from './routes/static-routes';
import { webhookRoutes } from './routes/webhook-routes';
import { createSites } from './sites';

export interface AppOptions {
  config: ResolvedConfig;
  storage: Storage;
  /** The host's clock; tests move it to expire holds and settle delayed payments. */
  now?: () => Date;
  /** Where the host is reached; default: what `listen` answered, or the configured publicUrl. */
  publicUrl?: () => string;
  log?: { level?: string; stream?: LogDestination } | false;
  /** Stripe SDK tuning (tests: no retries). */
  stripe?: { maxNetworkRetries?: number; timeoutMs?: number };
}

export interface App {
  fastify: FastifyInstance;
  host: HostContext;
}

/** The Fastify application of the Node host: every route, CORS, limits, errors and logs; no listening. */
export async function buildApp(options: AppOptions): Promise<App> {
  const { config } = options;
  const now = options.now ?? (() => new Date());
  let listening: string | null = null;
  const publicUrl =
    options.publicUrl ??
    (() => config.publicUrl ?? listening ?? `http://${config.listen.host}:${config.listen.port}`);
  const fastify = Fastify({
    logger: options.log === false ? false : loggerOptions(options.log ?? {}),
    bodyLimit: config.limits.bodyBytes,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    forceCloseConnections: true,
  });
  fastify.addHook('onListen', async () => {
    const address = fastify.server.address();
    if (address && typeof address === 'object') {
      const hostName = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      listening = `http://${hostName === '0.0.0.0' ? '127.0.0.1' : hostName}:${address.port}`;
    }
  });

  const sites = createSites(config.sites, {
    publicUrl,
    now,
    ...(options.stripe ? { stripe: options.stripe } : {}),
  });
  const receipts = new ReceiptService({ storage: options.storage, now, log: fastify.log });
  const deps: OrdersDeps = {
    storage: options.storage,
    now,
    log: fastify.log,
    hooks: receiptHooks(receipts, sites),
  };
  const host: HostContext = {
    deps,
    sites,
    config,
    publicUrl,
    throttleOrders: orderThrottle(config.limits),
    receipts,
  };

  fastify.setErrorHandler(handleError);
  fastify.setNotFoundHandler((request, reply) =>
    sendError(request, reply, new OrderError('bad_request', { status: 404, field: 'path' })),
  );
  await registerCors(fastify, host);
  const base = '/v1/sites/:site';
  await fastify.register(publicRoutes(host), { prefix: base });
  await fastify.register(noJsRoutes(host), { prefix: base });
  await fastify.register(webhookRoutes(host), { prefix: base });
  await fastify.register(adminRoutes(host), { prefix: `${base}/admin` });
  await fastify.register(adminReceiptRoutes(host), { prefix: `${base}/admin` });
  await fastify.register(receiptRoutes(host), { prefix: base });
  await fastify.register(staticRoutes(host));
  return { fastify, host };
}
