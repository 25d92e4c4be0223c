import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Locale, OrderStatusValue } from '../../protocol';
import type { DomainError } from '../../domain';
import { checkIn, markReceived, OrderError, refundOrder } from '../../orders';
import type { OrderFilter, OrderRecord, Page, PageOf } from '../../storage';
import { requireAdmin } from '../admin-auth';
import { attendeeColumns, orderColumns } from '../admin-exports';
import { csvLines } from '../csv';
import { siteOf, type HostContext } from '../host-context';
import { requestLocale } from '../locale';
import { jsonObject, methodNotAllowed } from './public-routes';

const STATUSES: readonly OrderStatusValue[] = [
  'pending',
  'paid',
  'failed',
  'expired',
  'refunded',
  'disputed',
];
const KINDS = ['donation', 'membership', 'tickets'] as const;
const EXPORT_PAGE = 1000;

/**
 * The back-office API under `/v1/sites/{site}/admin` (Node host only; outside protocol v1): a bearer token
 * per site, lists with filters and keyset pages, order detail, CSV exports, refunds, offline receipts and
 * check-in. Answers are JSON; errors are the protocol's ErrorResponse.
 */
export function adminRoutes(host: HostContext) {
  return async (app: FastifyInstance) => {
    app.addHook('onRequest', async (request, reply) => {
      requireAdmin(siteOf(host, request, 'forbidden'), request);
      reply.header('Cache-Control', 'no-store');
    });
    const site = (request: FastifyRequest) => siteOf(host, request, 'forbidden');
    const { storage } = host.deps;

    app.get('/orders', async (request) => {
      const { filter, page } = listQuery(request.query);
      const result = await storage.listOrders(site(request).id, filter, page);
      return { items: result.items.map(summary), next: result.next };
    });

    app.get('/orders/:orderId', async (request) => {
      const { orderId } = request.params as { orderId: string };
      const order = await storage.getOrder(site(request).id, orderId);
      if (!order) throw new OrderError('order_not_found');
      const { members, tickets } = await storage.orderItems(order.id);
      return { order: detail(order), members, tickets, history: await storage.history(order.id) };
    });

    app.get('/members', async (request) => {
      const { filter, page } = listQuery(request.query);
      return storage.listMembers(site(request).id, filter, page);
    });

    app.get('/attendees', async (request) => {
      const { filter, page } = listQuery(request.query);
      return storage.listAttendees(site(request).id, filter, page);
    });

    app.get('/orders.csv', async (request, reply) => {
      const current = site(request);
      const locale = exportLocale(request);
      const { filter } = listQuery(request.query);
      const pages = walk((p) => storage.exportOrders(current.id, filter, p));
      return csv(
        reply,
        `commandes-${current.id}.csv`,
        csvLines(orderColumns(current, locale), pages, locale),
      );
    });

    app.get('/attendees.csv', async (request, reply) => {
      const current = site(request);
      const locale = exportLocale(request);
      const { filter } = listQuery(request.query);
      const pages = walk((p) => storage.listAttendees(current.id, filter, p));
      return csv(
        reply,
        `participants-${current.id}.csv`,
        csvLines(attendeeColumns(current, locale), pages, locale),
      );
    });

    app.post('/orders/:orderId/refund', async (request) => {
      const { orderId } = request.params as { orderId: string };
      const body = request.body === undefined ? {} : jsonObject(request.body);
      const amount = body.amount;
      if (
        amount !== undefined &&
        (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0)
      ) {
        throw new OrderError('validation_failed', {
          errors: [{ code: 'amount_not_integer', field: 'amount' }],
        });
      }
      const order = await refundOrder(host.deps, site(request), orderId, amount, requestLocale(request));
      return { order: detail(order) };
    });

    app.post('/orders/:orderId/mark-received', async (request) => {
      const { orderId } = request.params as { orderId: string };
      return { order: detail(await markReceived(host.deps, site(request), orderId)) };
    });

    app.post('/tickets/check-in', async (request) => {
      const body = jsonObject(request.body);
      const code = typeof body.code === 'string' ? body.code : undefined;
      const id = typeof body.ticketId === 'string' ? body.ticketId : undefined;
      if (!code && !id)
        throw new OrderError('validation_failed', { errors: [{ code: 'required', field: 'code' }] });
      const result = await checkIn(host.deps, site(request), {
        ...(code ? { code } : {}),
        ...(id ? { id } : {}),
      });
      // Already in, or not paid: the door volunteer must see it, so these are answers, not errors.
      return result;
    });

    methodNotAllowed(
      app,
      ['/orders', '/orders/:orderId', '/members', '/attendees', '/orders.csv', '/attendees.csv'],
      'GET',
    );
    methodNotAllowed(
      app,
      ['/orders/:orderId/refund', '/orders/:orderId/mark-received', '/tickets/check-in'],
      'POST',
    );
  };
}

/** What a list shows: enough to find an order, nothing a list does not need. */
function summary(order: OrderRecord) {
  return {
    id: order.id,
    reference: order.reference,
    formId: order.formId,
    kind: order.kind,
    status: order.status,
    currency: order.currency,
    total: order.total,
    refundedAmount: order.refundedAmount,
    provider: order.provider,
    email: order.email,
    firstName: order.firstName,
    lastName: order.lastName,
    createdAt: order.createdAt.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
  };
}

/** The whole order for the treasurer — except the status token's hash and the payer's pending next step. */
function detail(order: OrderRecord) {
  const { tokenHash: _tokenHash, next: _next, checkedAt: _checkedAt, ...rest } = order;
  return rest;
}

function exportLocale(request: FastifyRequest): Locale {
  const { lang } = request.query as { lang?: string };
  return lang === 'en' || lang === 'fr' ? lang : requestLocale(request);
}

function csv(reply: import('fastify').FastifyReply, filename: string, lines: AsyncIterable<string>) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${filename}"`)
    .send(Readable.from(lines));
}

async function* walk<T>(list: (page: Page) => Promise<PageOf<T>>): AsyncGenerator<T[]> {
  let after: string | undefined;
  do {
    const page = await list({ limit: EXPORT_PAGE, ...(after ? { after } : {}) });
    yield page.items;
    after = page.next ?? undefined;
  } while (after);
}

/** Query string → filter and page; a wrong value is a 422 naming the parameter, not an empty list. */
export function listQuery(query: unknown): { filter: OrderFilter; page: Page } {
  const q = (query ?? {}) as Record<string, string | undefined>;
  const errors: DomainError[] = [];
  const filter: OrderFilter = {};
  if (q.status) {
    const statuses = q.status.split(',');
    if (statuses.every((s): s is OrderStatusValue => (STATUSES as readonly string[]).includes(s)))
      filter.status = statuses;
    else errors.push({ code: 'invalid_choice', field: 'status' });
  }
  if (q.kind) {
    if ((KINDS as readonly string[]).includes(q.kind)) filter.kind = q.kind as OrderFilter['kind'];
    else errors.push({ code: 'invalid_choice', field: 'kind' });
  }
  if (q.form) filter.formId = q.form;
  for (const key of ['from', 'to'] as const) {
    const text = q[key];
    if (!text) continue;
    const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
    if (Number.isNaN(date.getTime())) errors.push({ code: 'invalid_date', field: key });
    else filter[key] = date;
  }
  if (q.q) filter.search = q.q.slice(0, 200);
  const limit = q.limit === undefined ? 50 : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    errors.push({ code: 'invalid_choice', field: 'limit' });
  if (errors.length) throw new OrderError('validation_failed', { errors });
  return { filter, page: { limit, ...(q.after ? { after: q.after } : {}) } };
}
