import type { FastifyInstance } from 'fastify';
import type { ProviderId, WebhookAck } from '../../protocol';
import { applyProviderEvents, OrderError } from '../../orders';
import {
  isWebhookReceiver,
  WebhookPayloadError,
  WebhookSignatureError,
  type ProviderEvent,
} from '../../providers';
import { siteOf, type HostContext } from '../host-context';

/**
 * POST {base}/webhooks/{provider}: the body stays raw bytes (this plugin replaces every content-type parser),
 * the provider verifies its signature on those bytes before anything parses them, then each event is applied
 * once. Registered in its own encapsulated plugin so the public routes keep Fastify's JSON parser.
 */
export function webhookRoutes(host: HostContext) {
  return async (app: FastifyInstance) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    app.post(
      '/webhooks/:provider',
      { bodyLimit: host.config.limits.webhookBodyBytes },
      async (request, reply) => {
        const site = siteOf(host, request, 'bad_request');
        const { provider: providerId } = request.params as { provider: string };
        const provider = site.providers.get(providerId as ProviderId);
        if (!provider || !isWebhookReceiver(provider))
          throw new OrderError('bad_request', { field: 'provider' });
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        let events: ProviderEvent[];
        try {
          events = provider.receiveWebhook(raw, request.headers, host.deps.now());
        } catch (err) {
          if (err instanceof WebhookSignatureError) {
            request.log.warn({ site: site.id, provider: providerId }, 'webhook signature refused');
            throw new OrderError('webhook_signature_invalid');
          }
          if (err instanceof WebhookPayloadError) throw new OrderError('webhook_payload_invalid');
          throw err;
        }
        const applied = await applyProviderEvents(host.deps, site, provider.id, events);
        // One ack per delivery: providers send one event per request; a batch is acknowledged by its first id.
        const first = applied[0];
        const ack: WebhookAck = {
          received: true,
          eventId: first?.eventId ?? '',
          duplicate: applied.length > 0 && applied.every((a) => a.duplicate),
        };
        return reply.send(ack);
      },
    );
  };
}
