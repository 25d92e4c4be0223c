import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SimulationChallengeRequest, SimulationConfirmRequest } from '../../protocol';
import { checkShape, createOrder, orderStatus, OrderError, publicForm, simulatePayment } from '../../orders';
import { siteOf, type HostContext } from '../host-context';
import { requestLocale } from '../locale';

/**
 * The six protocol routes under `{base}` = `/v1/sites/{site}` (docs/protocol.md §3), webhooks aside
 * (webhook-routes.ts). Bodies are read as JSON by Fastify and checked here, in the protocol's order.
 */
export function publicRoutes(host: HostContext) {
  return async (app: FastifyInstance) => {
    const throttle = (request: FastifyRequest) => host.throttleOrders(request.ip);

    app.get('/forms/:formId', async (request, reply) => {
      const site = siteOf(host, request, 'form_not_found');
      const { formId } = request.params as { formId: string };
      const definition = await publicForm(host.deps, site, formId, requestLocale(request, site.locale));
      return reply.header('Cache-Control', 'no-cache').send(definition);
    });

    app.post('/forms/:formId/orders', async (request, reply) => {
      const site = siteOf(host, request, 'form_not_found');
      throttle(request);
      const body = jsonObject(request.body);
      const key = idempotencyKey(request.headers['idempotency-key']);
      const { formId } = request.params as { formId: string };
      const created = await createOrder(host.deps, site, {
        formId,
        body,
        ...(key ? { idempotencyKey: key } : {}),
      });
      const { replayed, ...answer } = created;
      if (replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.code(201).header('Cache-Control', 'no-store').send(answer);
    });

    app.get('/orders/:orderId', async (request, reply) => {
      const site = siteOf(host, request, 'order_not_found');
      const { orderId } = request.params as { orderId: string };
      const { token } = request.query as { token?: string };
      if (!token) throw new OrderError('invalid_token');
      const status = await orderStatus(host.deps, site, orderId, token, requestLocale(request, site.locale));
      return reply.header('Cache-Control', 'no-store').send(status);
    });

    app.post('/simulation/:orderId/confirm', async (request, reply) => {
      const site = siteOf(host, request, 'order_not_found');
      throttle(request);
      const body = readShape(SimulationConfirmRequest, request.body);
      return simulation(host, request, reply, site, body.clientSecret, { type: 'confirm', card: body.card });
    });

    app.post('/simulation/:orderId/challenge', async (request, reply) => {
      const site = siteOf(host, request, 'order_not_found');
      const body = readShape(SimulationChallengeRequest, request.body);
      return simulation(host, request, reply, site, body.clientSecret, {
        type: 'challenge',
        approve: body.approve,
      });
    });

    methodNotAllowed(app, ['/forms/:formId', '/orders/:orderId'], 'GET');
    methodNotAllowed(
      app,
      ['/forms/:formId/orders', '/simulation/:orderId/confirm', '/simulation/:orderId/challenge'],
      'POST',
    );
  };
}

async function simulation(
  host: HostContext,
  request: FastifyRequest,
  reply: FastifyReply,
  site: ReturnType<typeof siteOf>,
  clientSecret: string,
  step: Parameters<typeof simulatePayment>[4],
) {
  const { orderId } = request.params as { orderId: string };
  const result = await simulatePayment(
    host.deps,
    site,
    orderId,
    clientSecret,
    step,
    requestLocale(request, site.locale),
  );
  return reply.header('Cache-Control', 'no-store').send(result);
}

/** A body that is not a JSON object is unreadable (400), whatever it is. */
export function jsonObject(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new OrderError('bad_request');
  return body as Record<string, unknown>;
}

function readShape<T extends Parameters<typeof checkShape>[0]>(schema: T, body: unknown) {
  const shape = checkShape(schema, jsonObject(body));
  if (shape.ok) return shape.value;
  if (shape.unreadable) throw new OrderError('bad_request', { field: shape.field });
  throw new OrderError('validation_failed', { errors: shape.errors });
}

/** 1 to 255 visible ASCII characters (docs/protocol.md §5); anything else is refused rather than ignored. */
function idempotencyKey(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  if (typeof header !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(header)) {
    throw new OrderError('bad_request', { field: 'Idempotency-Key' });
  }
  return header;
}

const ALL_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** A known path asked with another method is 405, not 404. */
export function methodNotAllowed(app: FastifyInstance, urls: string[], allowed: 'GET' | 'POST'): void {
  for (const url of urls) {
    app.route({
      method: ALL_METHODS.filter((m) => m !== allowed),
      url,
      handler: async (_request, reply) => {
        reply.header('Allow', allowed);
        throw new OrderError('method_not_allowed');
      },
    });
  }
}
