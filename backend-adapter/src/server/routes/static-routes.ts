import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { OrderError } from '../../orders';
import { demoPage } from '../demo-page';
import type { HostContext } from '../host-context';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/**
 * The widget bundle under /widgets/ (shared-widgets/dist, when it has been built) and the demo page at /.
 * Only files inside the bundle directory with a known type are served; no directory listing.
 */
export function staticRoutes(host: HostContext) {
  return async (app: FastifyInstance) => {
    const dir = host.config.widgetsDir;
    app.get('/widgets/*', async (request, reply) => {
      const wanted = (request.params as { '*': string })['*'];
      if (!dir || !TYPES[extname(wanted)]) throw new OrderError('bad_request');
      const root = normalize(dir + sep);
      const file = normalize(join(root, wanted));
      if (!file.startsWith(root)) throw new OrderError('bad_request');
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
      return (
        reply
          .type(TYPES[extname(file)] as string)
          .header('Cache-Control', 'public, max-age=300')
          // Whether CORS headers are sent depends on the page's origin: shared caches must keep them apart.
          .header('Vary', 'Origin')
          .header('Content-Length', info.size)
          .send(createReadStream(file))
      );
    });

    if (host.config.demoPage) {
      app.get('/', async (_request, reply) =>
        reply
          .type('text/html; charset=utf-8')
          .header('Cache-Control', 'no-cache')
          .send(demoPage(host, { widgetsBuilt: dir !== null })),
      );
    }

    app.get('/healthz', async () => ({ ok: true }));
  };
}
