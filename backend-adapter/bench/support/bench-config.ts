import type { FormConfig } from '../../src/protocol';

export const SIMULATION_SECRET = 'bench-simulation-secret-0123456789';
export const ADMIN_TOKEN = 'bench-admin-token-0123456789';

export const DONATION: FormConfig = {
  kind: 'donation',
  id: 'don',
  title: 'Don',
  currency: 'EUR',
  payment: { providers: ['simulation'] },
  taxReceipt: { enabled: true, scheme: 'general' },
  donation: {
    presets: [2500],
    allowCustomAmount: true,
    minimum: 100,
    maximum: 1_000_000,
    frequencies: ['once'],
    allowAnonymous: true,
    allowDedication: false,
  },
};

export const rushForm = (seats: number): FormConfig => ({
  kind: 'tickets',
  id: 'rush',
  title: 'Concert',
  currency: 'EUR',
  payment: { providers: ['simulation'] },
  tickets: {
    types: [{ id: 'plein', name: 'Plein tarif', price: 1500, quota: seats }],
    maxPerOrder: 10,
    attendeeNames: false,
    promoCodes: [],
    holdMinutes: 30,
    fields: [],
  },
});

/** A server configuration for benchmarks: one site, no rate limit (all load comes from one IP), no job. */
export function benchConfig(storage: object, forms: FormConfig[]): object {
  return {
    listen: { host: '127.0.0.1', port: 0 },
    storage,
    limits: { ordersPerMinute: 100_000_000, ordersBurst: 100_000_000 },
    jobs: { intervalSeconds: 0 },
    sites: [
      {
        id: 'bench',
        origins: ['https://bench.example'],
        organization: { name: 'Bench' },
        adminTokenEnv: 'GUICHET_BENCH_ADMIN_TOKEN',
        providers: { simulation: { enabled: true, secretEnv: 'GUICHET_BENCH_SIMULATION_SECRET' } },
        forms,
      },
    ],
  };
}

export const BENCH_ENV = {
  GUICHET_BENCH_SIMULATION_SECRET: SIMULATION_SECRET,
  GUICHET_BENCH_ADMIN_TOKEN: ADMIN_TOKEN,
};

export const payer = { email: 'ada@example.org', firstName: 'Ada', lastName: 'Lovelace' };
