import { join } from 'node:path';
import { ConfigError, loadConfigFile, resolveConfig } from '../../src/server';

const demoConfig = join(__dirname, '../../demo/guichet.config.json');

const site = (over: object = {}) => ({
  id: 'asso',
  origins: ['https://asso.example'],
  organization: { name: 'Asso' },
  providers: { simulation: { enabled: true, secretEnv: 'SIM' } },
  forms: [],
  ...over,
});

const problemsOf = (json: unknown, env: Record<string, string> = {}) => {
  try {
    resolveConfig(json, { baseDir: '/srv/guichet', env });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

describe('configuration file', () => {
  test('the demo configuration starts with no secret set: simulation and offline on, Stripe and back-office off', () => {
    const { config, notices } = loadConfigFile(demoConfig, {});
    expect(config.sites.map((s) => s.id)).toEqual(['demo']);
    const [demo] = config.sites;
    expect(Object.keys(demo?.providers ?? {}).sort()).toEqual(['offline', 'simulation']);
    expect(demo?.forms.map((f) => f.kind)).toEqual(['donation', 'membership', 'tickets']);
    expect(demo?.adminToken).toBeNull();
    expect(notices.join('\n')).toMatch(/Stripe is off/);
    expect(config.storage).toEqual({ sqlite: join(__dirname, '../../demo/data/guichet-demo.sqlite') });
  });

  test('Stripe comes on when its variables are set, and the secrets are read from them only', () => {
    const env = {
      STRIPE_SECRET_KEY: 'sk_test_abc',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_abc',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc',
      GUICHET_DEMO_ADMIN_TOKEN: 'a-long-enough-admin-token',
    };
    const { config } = loadConfigFile(demoConfig, env);
    expect(config.sites[0]?.providers.stripe).toMatchObject({
      secretKey: 'sk_test_abc',
      webhookSecret: 'whsec_abc',
    });
    expect(config.sites[0]?.adminToken).toBe('a-long-enough-admin-token');
  });

  test('schema defaults are applied to forms as they are read', () => {
    const tickets = {
      kind: 'tickets',
      id: 'concert',
      title: 'Concert',
      currency: 'EUR',
      payment: { providers: ['simulation'] },
      tickets: { types: [{ id: 'plein', name: 'Plein', price: 1500 }] },
    };
    const { config } = resolveConfig(
      { storage: { sqlite: 'db.sqlite' }, sites: [site({ forms: [tickets] })] },
      {
        baseDir: '/srv/guichet',
        env: { SIM: 'a-simulation-secret-long-enough' },
      },
    );
    expect(config.sites[0]?.forms[0]).toMatchObject({
      tickets: { maxPerOrder: 10, holdMinutes: 30, promoCodes: [] },
    });
    expect(config.storage).toEqual({ sqlite: '/srv/guichet/db.sqlite' });
  });

  test('mistakes are reported together, each at its path, without echoing a secret', () => {
    const problems = problemsOf(
      {
        storage: { postgres: { urlEnv: 'DATABASE_URL' } },
        sites: [
          site({
            providers: {
              stripe: { secretKeyEnv: 'SK', webhookSecretEnv: 'WH', publishableKey: 'pk_test_x' },
            },
          }),
          site(),
        ],
      },
      { SK: 'sk_live_SECRET_VALUE' },
    );
    const text = problems.join('\n');
    expect(text).toContain('sites.1.id: "asso" is used twice');
    expect(text).toContain('storage.postgres.urlEnv: environment variable DATABASE_URL is not set');
    expect(text).toContain('sites.0.providers.stripe: not set: WH');
    expect(text).not.toContain('SECRET_VALUE');
  });

  test('a form setting of the wrong type is named by its path', () => {
    const donation = {
      kind: 'donation',
      id: 'don',
      title: 'Don',
      currency: 'EUR',
      payment: { providers: ['simulation'] },
    };
    const problems = problemsOf({
      storage: { sqlite: 'x' },
      sites: [
        site({
          forms: [
            { ...donation, donation: { minimum: 'cinq', maximum: 100, presets: [], frequencies: ['once'] } },
          ],
        }),
      ],
    });
    expect(problems).toEqual(['config.sites.0.forms.0.donation.minimum: Expected integer']);
  });

  test('an unknown setting is refused rather than ignored', () => {
    expect(problemsOf({ storage: { sqlite: 'x' }, sites: [site()], port: 80 }).join()).toMatch(/config/);
  });

  test('a file that is missing or not JSON says so', () => {
    expect(() => loadConfigFile('/nonexistent/guichet.json')).toThrow(/cannot read/);
    expect(() => loadConfigFile(__filename)).toThrow(/is not JSON/);
  });
});
