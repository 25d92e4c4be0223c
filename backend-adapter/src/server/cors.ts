import type { FastifyInstance, FastifyRequest } from 'fastify';
import cors, { type FastifyCorsOptions } from '@fastify/cors';
import type { HostContext } from './host-context';

const SITE_PATH = /^\/v1\/sites\/([A-Za-z0-9_-]{1,64})\/(admin\/)?/;

/**
 * CORS per site (docs/protocol.md §2): the requesting origin is echoed only when it is one of the site's
 * configured origins, never `*`, never with credentials. The widget bundle (`/widgets/`) answers every site's
 * origins. Webhooks and anything else outside a site get no CORS.
 */
export async function registerCors(app: FastifyInstance, host: HostContext): Promise<void> {
  const refuse: FastifyCorsOptions = { origin: false };
  // The bundle is the same for every site: any site's page may load it as a module script (which needs CORS).
  const pageOrigins = new Set([...host.sites.values()].flatMap((site) => site.origins));
  const bundle = (origin: string): FastifyCorsOptions => ({
    origin,
    methods: ['GET', 'HEAD'],
    credentials: false,
    maxAge: 600,
    strictPreflight: false,
  });
  const delegator = async (request: FastifyRequest): Promise<FastifyCorsOptions> => {
    const url = request.url ?? '';
    const match = SITE_PATH.exec(url);
    const site = match ? host.sites.get(match[1] as string) : undefined;
    const origin = request.headers.origin;
    if (url.startsWith('/widgets/') && origin && pageOrigins.has(origin)) return bundle(origin);
    if (!site || !origin || url.includes('/webhooks/') || !site.origins.includes(origin)) return refuse;
    const admin = match?.[2] !== undefined;
    return {
      origin,
      methods: ['GET', 'POST'],
      allowedHeaders: admin
        ? ['Authorization', 'Content-Type', 'Accept-Language']
        : ['Content-Type', 'Idempotency-Key', 'Accept-Language'],
      exposedHeaders: ['Idempotent-Replayed', 'Retry-After'],
      credentials: false,
      maxAge: 600,
      strictPreflight: false,
    };
  };
  await app.register(cors, { delegator });
}
