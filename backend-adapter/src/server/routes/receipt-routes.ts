import type { FastifyInstance } from 'fastify';
import { OrderError } from '../../orders';
import { siteOf, type HostContext } from '../host-context';
import { methodNotAllowed } from './public-routes';

const FILE = /^(rcp_[0-9a-f]{24})\.pdf$/;

/**
 * GET {base}/receipts/{id}.pdf?token=…: a tax receipt's PDF for whoever holds the signed link (the donor,
 * from the order status). A wrong token, an unknown id and an unknown site all answer the same 404.
 */
export function receiptRoutes(host: HostContext) {
  return async (app: FastifyInstance) => {
    app.get('/receipts/:file', async (request, reply) => {
      const site = siteOf(host, request, 'invalid_token');
      const { file } = request.params as { file: string };
      const { token } = request.query as { token?: string };
      const id = FILE.exec(file)?.[1];
      const pdf = id && typeof token === 'string' ? await host.receipts.pdfForLink(site, id, token) : null;
      if (!pdf) throw new OrderError('invalid_token');
      return reply
        .type('application/pdf')
        .header('Content-Disposition', `attachment; filename="${pdf.fileName}"`)
        .header('Cache-Control', 'private, no-store')
        .header('X-Content-Type-Options', 'nosniff')
        .send(Buffer.from(pdf.bytes));
    });
    methodNotAllowed(app, ['/receipts/:file'], 'GET');
  };
}
