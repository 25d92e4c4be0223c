import {
  BUILTIN_PROVIDERS,
  OfflineProvider,
  ProviderConfigError,
  ProviderRegistry,
  SimulationProvider,
  StripeProvider,
  createProviders,
  type ProviderFactory,
  type ProviderSettings,
} from '../../src/providers';

const deps = { confirmUrl: (orderId: string) => `http://localhost/simulation/${orderId}/confirm` };
const stripe = {
  secretKey: 'sk_test_registry000000000000',
  publishableKey: 'pk_test_registry000000000000',
  webhookSecret: 'whsec_registry000000000000',
};
const everything: ProviderSettings = {
  stripe,
  simulation: { enabled: true, secret: 'simulation-secret-0123456789' },
  offline: { cheque: { payee: 'Asso', address: '1 rue Haute, 75001 Paris' } },
};

describe('provider registry', () => {
  it('creates every provider the site configured, under its id', () => {
    const providers = createProviders(everything, deps);
    expect([...providers.keys()]).toEqual(['stripe', 'simulation', 'offline']);
    expect(providers.get('stripe')).toBeInstanceOf(StripeProvider);
    expect(providers.get('simulation')).toBeInstanceOf(SimulationProvider);
    expect(providers.get('offline')).toBeInstanceOf(OfflineProvider);
  });

  it('creates nothing a site did not configure, and no simulation unless enabled', () => {
    expect(createProviders({}, deps).size).toBe(0);
    const disabled = createProviders(
      { simulation: { enabled: false, secret: 'simulation-secret-0123456789' } },
      deps,
    );
    expect(disabled.has('simulation')).toBe(false);
    expect(createProviders({ offline: {} }, deps).has('offline')).toBe(false);
  });

  it('refuses two providers under one id', () => {
    const registry = new ProviderRegistry();
    const impostor: ProviderFactory = { id: 'stripe', create: () => null };
    expect(() => registry.register(impostor)).toThrow(/"stripe" is already registered/);
    expect(() => new ProviderRegistry([...BUILTIN_PROVIDERS, impostor])).toThrow(/already registered/);
  });

  it('uses whatever factories it is given, which is how a new provider plugs in', () => {
    const registry = new ProviderRegistry([]).register({
      id: 'offline',
      create: () => new OfflineProvider({ cash: { text: 'Au stand' } }),
    });
    expect(registry.ids()).toEqual(['offline']);
    expect(createProviders(everything, deps, registry).get('offline')?.publicMethods()).toEqual([
      { provider: 'offline', method: 'cash' },
    ]);
  });

  it('refuses a factory whose provider answers to another id', () => {
    const registry = new ProviderRegistry([
      { id: 'stripe', create: () => new OfflineProvider({ cash: { text: 'x' } }) },
    ]);
    expect(() => registry.create({}, deps)).toThrow(/created a provider with id "offline"/);
  });

  it('names the wrong setting without quoting its value', () => {
    const wrongKey = 'pk_live_pastedInTheWrongField12345';
    const attempt = () => createProviders({ stripe: { ...stripe, secretKey: wrongKey } }, deps);
    expect(attempt).toThrow(ProviderConfigError);
    expect(attempt).toThrow(/stripe\.secretKey/);
    try {
      attempt();
    } catch (error) {
      expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain(
        wrongKey,
      );
    }
  });

  it('refuses test and live keys mixed together', () => {
    const mixed = { stripe: { ...stripe, publishableKey: 'pk_live_registry000000000000' } };
    expect(() => createProviders(mixed, deps)).toThrow(ProviderConfigError);
  });
});
