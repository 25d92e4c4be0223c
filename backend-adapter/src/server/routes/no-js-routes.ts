import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorMessage, type Locale, type OrderCreated } from '../../protocol';
import { createOrder, orderStatus, OrderError, simulatePayment, type SimulationStep } from '../../orders';
import { siteOf, type HostContext } from '../host-context';
import { acceptLanguage } from '../locale';
import type { HostSite } from '../sites';
import { cardPage, challengePage, type SimulationTrip } from '../no-js/card-page';
import { errorsPage } from '../no-js/errors-page';
import { CONTENT_SECURITY_POLICY } from '../no-js/html';
import { offlinePage } from '../no-js/offline-page';
import { noJsOrderRequest } from '../no-js/order-request';
import { readPostedFields, text, type PostedFields } from '../no-js/posted-fields';
import { returnPage, sitePage, withOrder } from '../no-js/return-url';

/**
 * Forms without JavaScript (docs/protocol.md §5, "Without JavaScript"), for static and headless sites: the
 * widget element's inner `<form>` posts here; the answer is always something a browser follows or reads by
 * itself — a 303 to a payment page or back to the site, or a small HTML page of the host's own (errors,
 * offline instructions, the simulation's card terminal). Bodies are `application/x-www-form-urlencoded` only.
 */
export function noJsRoutes(host: HostContext) {
  return async (app: FastifyInstance) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_r, body, done) =>
      done(null, readPostedFields(body as string)),
    );
    // Failures before a handler runs (unknown site, unreadable body, too large) still get a page, not JSON.
    app.setErrorHandler((error: Error, request, reply) => {
      const site = (request.params as { site?: string }).site;
      const known = site === undefined ? undefined : host.sites.get(site);
      const orderError = asOrderError(error);
      if (!orderError) request.log.error({ err: error }, 'unexpected error');
      const fallback = orderError ?? new OrderError('internal_error', { retryable: true });
      const locale = pageLocale(request, {}, known?.locale ?? 'fr');
      const back = known ? returnPage(known, undefined, request.headers.referer) : '/';
      return sendPage(reply, fallback.status, errorsPage({ error: fallback, locale, fields: {}, back }));
    });

    const throttle = (request: FastifyRequest) => host.throttleOrders(request.ip);

    app.post('/forms/:formId/submit', async (request, reply) => {
      const site = siteOf(host, request, 'form_not_found');
      const fields = posted(request);
      const locale = pageLocale(request, fields, site.locale);
      const back = returnPage(site, fields.returnUrl, request.headers.referer);
      const { formId } = request.params as { formId: string };
      try {
        throttle(request);
        const form = site.forms.get(formId);
        if (!form) throw new OrderError('form_not_found');
        const key = fields.idempotencyKey;
        const created = await createOrder(host.deps, site, {
          formId,
          body: noJsOrderRequest(form, fields, { locale, returnUrl: back }),
          ...(key && /^[\x21-\x7e]{1,255}$/.test(key) ? { idempotencyKey: key } : {}),
        });
        return nextStep(reply, site, created, { locale, back });
      } catch (err) {
        if (!(err instanceof OrderError)) throw err;
        if (err.code === 'rate_limited')
          reply.header('Retry-After', String(err.details.params?.retryAfter ?? 60));
        return sendPage(reply, err.status, errorsPage({ error: err, locale, fields, back }));
      }
    });

    app.get('/simulation/:orderId', async (request, reply) => {
      const site = siteOf(host, request, 'order_not_found');
      const query = request.query as Record<string, string | undefined>;
      const trip = tripOf(request, site, query);
      try {
        const order = await orderStatus(host.deps, site, trip.orderId, trip.token, trip.locale);
        if (order.status === 'paid')
          return reply.redirect(withOrder(trip.back, trip.orderId, trip.token), 303);
        return sendPage(reply, 200, cardPage({ trip, action: actionUrl(site, trip, 'pay'), total: order }));
      } catch (err) {
        return failure(reply, err, trip);
      }
    });

    app.post('/simulation/:orderId/pay', async (request, reply) => {
      const site = siteOf(host, request, 'order_not_found');
      const fields = posted(request);
      const trip = tripOf(request, site, fields);
      const card = text(fields, 'card');
      try {
        throttle(request);
        return await simulationStep(
          reply,
          site,
          trip,
          { type: 'confirm', card: card.replace(/[\s-]/g, '') },
          card,
        );
      } catch (err) {
        return failure(reply, err, trip);
      }
    });

    app.post('/simulation/:orderId/authenticate', async (request, reply) => {
      const site = siteOf(host, request, 'order_not_found');
      const fields = posted(request);
      const trip = tripOf(request, site, fields);
      try {
        const approve = text(fields, 'decision') === 'approve';
        return await simulationStep(reply, site, trip, { type: 'challenge', approve }, '');
      } catch (err) {
        return failure(reply, err, trip);
      }
    });

    /** Confirm or authenticate, then: back to the site when paid (or settling), 3-D Secure, or the card again. */
    async function simulationStep(
      reply: FastifyReply,
      site: HostSite,
      trip: SimulationTrip,
      step: SimulationStep,
      typed: string,
    ) {
      // The token is checked first: only the payer who holds it is sent back with it.
      await orderStatus(host.deps, site, trip.orderId, trip.token, trip.locale);
      const result = await simulatePayment(host.deps, site, trip.orderId, trip.secret, step, trip.locale);
      if (result.outcome === 'succeeded' || result.outcome === 'processing') {
        return reply.redirect(withOrder(trip.back, trip.orderId, trip.token), 303);
      }
      if (result.outcome === 'requires_action') {
        return sendPage(reply, 200, challengePage({ trip, action: actionUrl(site, trip, 'authenticate') }));
      }
      const error = result.order.failure?.message ?? errorMessage('payment_declined', trip.locale);
      return sendPage(
        reply,
        200,
        cardPage({ trip, action: actionUrl(site, trip, 'pay'), total: result.order, error, card: typed }),
      );
    }

    function failure(reply: FastifyReply, err: unknown, trip: SimulationTrip) {
      if (!(err instanceof OrderError)) throw err;
      return sendPage(
        reply,
        err.status,
        errorsPage({ error: err, locale: trip.locale, fields: {}, back: trip.back }),
      );
    }
  };
}

function nextStep(
  reply: FastifyReply,
  site: HostSite,
  created: OrderCreated,
  opts: { locale: Locale; back: string },
) {
  const { next, order, token } = created;
  switch (next.type) {
    case 'redirect':
      return reply.redirect(next.url, 303);
    case 'offline':
      return sendPage(
        reply,
        200,
        offlinePage({ created, locale: opts.locale, back: withOrder(opts.back, order.id, token) }),
      );
    case 'completed':
      return reply.redirect(withOrder(opts.back, order.id, token), 303);
    case 'confirm': {
      if (next.provider !== 'simulation') throw new OrderError('internal_error');
      const trip: SimulationTrip = {
        orderId: order.id,
        secret: next.clientSecret,
        token,
        back: opts.back,
        locale: opts.locale,
      };
      return reply.redirect(simulationPageUrl(site, trip), 303);
    }
  }
}

/** GET {base}/simulation/{orderId}?secret=…&token=…&returnUrl=…&locale=… */
export function simulationPageUrl(site: HostSite, trip: SimulationTrip): string {
  const query = new URLSearchParams({
    secret: trip.secret,
    token: trip.token,
    returnUrl: trip.back,
    locale: trip.locale,
  });
  return `${site.baseUrl()}/simulation/${encodeURIComponent(trip.orderId)}?${query.toString()}`;
}

const actionUrl = (site: HostSite, trip: SimulationTrip, step: 'pay' | 'authenticate') =>
  `${site.baseUrl()}/simulation/${encodeURIComponent(trip.orderId)}/${step}`;

function tripOf(
  request: FastifyRequest,
  site: HostSite,
  values: Record<string, string | undefined>,
): SimulationTrip {
  const { orderId } = request.params as { orderId: string };
  return {
    orderId,
    secret: (values.secret ?? '').trim(),
    token: (values.token ?? '').trim(),
    back: sitePage(site, values.returnUrl) ?? returnPage(site, undefined, undefined),
    locale: pageLocale(request, values, site.locale),
  };
}

function posted(request: FastifyRequest): PostedFields {
  const body = request.body;
  return body && typeof body === 'object' ? (body as PostedFields) : {};
}

/** The form's hidden `locale`, then the browser's languages, then the site's. */
function pageLocale(
  request: FastifyRequest,
  values: Record<string, string | undefined>,
  site: Locale,
): Locale {
  const asked = values.locale;
  if (asked === 'fr' || asked === 'en') return asked;
  return acceptLanguage(request.headers['accept-language']) ?? site;
}

function asOrderError(error: Error & { statusCode?: number; code?: string }): OrderError | null {
  if (error instanceof OrderError) return error;
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413)
    return new OrderError('payload_too_large');
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.statusCode === 415) {
    return new OrderError('unsupported_media_type');
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new OrderError('bad_request');
  }
  return null;
}

function sendPage(reply: FastifyReply, status: number, markup: string) {
  return (
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      .header('Cache-Control', 'no-store')
      .header('Content-Security-Policy', CONTENT_SECURITY_POLICY)
      // The simulation pages carry the order's secret and token in their URL: never sent on to another site.
      .header('Referrer-Policy', 'no-referrer')
      .header('X-Content-Type-Options', 'nosniff')
      .send(markup)
  );
}
