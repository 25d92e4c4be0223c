import { inspect } from 'node:util';
import { createProviders, isWebhookReceiver, type ProviderSettings } from '../../src/providers';
import { at, paymentRequest } from './fixtures';

const SECRETS = {
  secretKey: 'sk_test_51SecretKeyThatMustNeverLeak000',
  webhookSecret: 'whsec_WebhookSecretThatMustNeverLeak000',
  simulation: 'simulation-secret-that-must-never-leak',
};
const settings: ProviderSettings = {
  stripe: {
    secretKey: SECRETS.secretKey,
    publishableKey: 'pk_test_51PublishableKeyIsPublic000',
    webhookSecret: SECRETS.webhookSecret,
    // Nothing listens on the discard port: every Stripe call fails, which is what this test inspects.
    apiBase: 'http://127.0.0.1:9',
  },
  simulation: { enabled: true, secret: SECRETS.simulation },
  offline: {
    cheque: { payee: 'Asso', address: '1 rue Haute, 75001 Paris' },
    transfer: { iban: 'FR7630006000011234567890189', bic: 'AGRIFRPPXXX', holder: 'Asso' },
    cash: { text: 'Au stand' },
  },
};
const deps = {
  confirmUrl: (id: string) => `http://localhost/simulation/${id}/confirm`,
  stripe: { maxNetworkRetries: 0 },
};
const NOW = at('2026-11-23T10:00:00Z');

/** Everything a provider hands out or throws, as text a browser, a log line or an export could receive. */
async function everythingPublic(): Promise<string> {
  const providers = createProviders(settings, deps);
  const out: unknown[] = [
    inspect(providers, { depth: 10, showHidden: true }),
    JSON.stringify([...providers.values()]),
  ];
  for (const provider of providers.values()) {
    out.push(provider.publicMethods());
    for (const offlineMethod of ['cheque', 'transfer', 'cash'] as const) {
      try {
        out.push(await provider.startPayment(paymentRequest({ offlineMethod }), { now: () => NOW }));
      } catch (error) {
        out.push(String(error), inspect(error, { depth: 10 }));
      }
    }
    if (isWebhookReceiver(provider)) {
      try {
        provider.receiveWebhook(Buffer.from('{}'), { 'stripe-signature': 't=1,v1=00' }, NOW);
      } catch (error) {
        out.push(String(error), inspect(error));
      }
    }
  }
  try {
    createProviders({ stripe: { ...settings.stripe!, publishableKey: 'pk_live_mixed000000' } }, deps);
  } catch (error) {
    out.push(String(error), inspect(error));
  }
  return out.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join('\n');
}

describe('provider secrets', () => {
  it('never appear in public methods, commands, errors or inspected providers', async () => {
    const text = await everythingPublic();
    expect(text).toContain('pk_test_51PublishableKeyIsPublic000');
    expect(text).toContain('ProviderError');
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
  });
});
