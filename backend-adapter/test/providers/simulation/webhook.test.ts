import {
  SimulationProvider,
  WebhookPayloadError,
  WebhookSignatureError,
  signSimulationEvent,
} from '../../../src/providers';
import type { SimulationEvent } from '../../../src/protocol';
import { at } from '../fixtures';

const SECRET = 'sim-secret-for-tests-0123456789';
const NOW = at('2026-11-23T10:00:00Z');
const provider = new SimulationProvider({ enabled: true, secret: SECRET }, { confirmUrl: () => '' });

const dispute: SimulationEvent = {
  id: 'simevt_ord_7_disputed',
  type: 'disputed',
  orderId: 'ord_7',
  amount: 2500,
  createdAt: '2026-11-23T09:59:30Z',
};

describe('simulation webhooks (Guichet-Signature)', () => {
  it('accepts a signed event and reports it as a provider event', () => {
    const { body, headers } = signSimulationEvent(SECRET, dispute, NOW);
    expect(provider.receiveWebhook(Buffer.from(body), headers, NOW)).toEqual([
      {
        id: 'simevt_ord_7_disputed',
        type: 'disputed',
        orderId: 'ord_7',
        amount: 2500,
        occurredAt: at('2026-11-23T09:59:30Z'),
      },
    ]);
  });

  it('rejects a body changed after signing, before reading it', () => {
    const { body, headers } = signSimulationEvent(SECRET, dispute, NOW);
    const altered = Buffer.from(body.replace('"amount":2500', '"amount":1'));
    expect(() => provider.receiveWebhook(altered, headers, NOW)).toThrow(WebhookSignatureError);
  });

  it('rejects an event signed more than 300 s before or after now', () => {
    const { body, headers } = signSimulationEvent(SECRET, dispute, NOW);
    for (const offset of [-301_000, 301_000]) {
      const later = new Date(NOW.getTime() + offset);
      expect(() => provider.receiveWebhook(Buffer.from(body), headers, later)).toThrow(WebhookSignatureError);
    }
  });

  it('rejects an event signed with another secret, or with no signature', () => {
    const { body, headers } = signSimulationEvent('another-secret-0123456789', dispute, NOW);
    expect(() => provider.receiveWebhook(Buffer.from(body), headers, NOW)).toThrow(WebhookSignatureError);
    expect(() => provider.receiveWebhook(Buffer.from(body), {}, NOW)).toThrow(WebhookSignatureError);
  });

  it('refuses a genuine body that is not a simulation event', () => {
    const { body, headers } = signSimulationEvent(SECRET, { ...dispute, type: 'teleported' } as never, NOW);
    expect(() => provider.receiveWebhook(Buffer.from(body), headers, NOW)).toThrow(WebhookPayloadError);
  });
});
