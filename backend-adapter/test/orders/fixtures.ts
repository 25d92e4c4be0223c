import type { FormConfig, ProviderId } from '../../src/protocol';
import type { OrdersDeps, SiteContext } from '../../src/orders';
import { createProviders, type PaymentProvider } from '../../src/providers';
import { SqlStorage } from '../../src/storage';
import { SqliteDriver } from '../../src/storage/sqlite/sqlite-driver';
import { withDefaults } from '../../src/server';

export const SECRET = 'orders-test-simulation-secret';

export const concert = withDefaults({
  kind: 'tickets',
  id: 'concert',
  title: 'Concert',
  currency: 'EUR',
  payment: { providers: ['simulation', 'offline'], offlineMethods: ['cheque'] },
  tickets: { types: [{ id: 'plein', name: 'Plein tarif', price: 1500, quota: 4 }] },
} as unknown as FormConfig);

export const don = withDefaults({
  kind: 'donation',
  id: 'don',
  title: 'Don',
  currency: 'EUR',
  payment: { providers: ['simulation'] },
  donation: { presets: [], minimum: 100, maximum: 100000, frequencies: ['once'] },
} as unknown as FormConfig);

/** A clock the test moves, an in-memory store, a silent log. */
export async function world(extraProviders: Partial<Record<ProviderId, PaymentProvider>> = {}) {
  const storage = new SqlStorage(new SqliteDriver(':memory:'));
  await storage.migrate();
  await storage.syncStock('demo', 'concert', [{ typeId: 'plein', quota: 4 }]);
  const clock = { now: new Date('2026-06-01T10:00:00Z') };
  const warnings: string[] = [];
  const deps: OrdersDeps = {
    storage,
    now: () => clock.now,
    log: {
      info: () => undefined,
      warn: (_o, msg) => warnings.push(msg),
      error: (_o, msg) => warnings.push(msg),
    },
  };
  const providers = createProviders(
    { simulation: { enabled: true, secret: SECRET }, offline: { cheque: { payee: 'Asso', address: 'Ici' } } },
    { confirmUrl: (id) => `https://host.example/v1/sites/demo/simulation/${id}/confirm`, now: deps.now },
  );
  const builtIn = new Map(providers);
  for (const [id, provider] of Object.entries(extraProviders)) providers.set(id as ProviderId, provider);
  const site: SiteContext = {
    id: 'demo',
    organization: { name: 'Asso' },
    origins: ['https://asso.example'],
    forms: new Map([
      [concert.id, concert],
      [don.id, don],
    ]),
    providers,
    baseUrl: () => 'https://host.example/v1/sites/demo',
  };
  const advance = (ms: number) => {
    clock.now = new Date(clock.now.getTime() + ms);
  };
  /** Puts the built-in providers back, as when a provider that was down answers again. */
  const restoreProviders = () => builtIn.forEach((provider, id) => providers.set(id, provider));
  return { storage, deps, site, clock, advance, warnings, restoreProviders };
}

export const payer = { email: 'ada@example.org', firstName: 'Ada', lastName: 'Lovelace' };

export const seats = (quantity: number, provider: 'simulation' | 'offline' = 'simulation') => ({
  kind: 'tickets',
  locale: 'fr',
  payment: provider === 'offline' ? { provider, offlineMethod: 'cheque' } : { provider },
  payer,
  tickets: { items: [{ typeId: 'plein', quantity }] },
});
