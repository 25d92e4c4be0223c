import { Value } from '@sinclair/typebox/value';
import type { ProviderId } from '../protocol';
import type { ProviderDeps, ProviderFactory } from './factory';
import { offlineFactory } from './offline';
import { ProviderSettings } from './settings';
import { simulationFactory } from './simulation';
import { stripeFactory } from './stripe';
import { ProviderConfigError, type PaymentProvider } from './types';

/**
 * THE extension point: the one place that knows which payment providers exist.
 *
 * To add a provider (Mollie, say):
 * 1. protocol: add 'mollie' to `ProviderId` and its public shape to `PublicPaymentMethod` (form.ts), then
 *    `npm run -w backend-adapter schemas`;
 * 2. settings.ts: add `mollie?: { apiKey, … }` to `ProviderSettings` (secrets stay server-side);
 * 3. providers/mollie/: a class implementing `PaymentProvider` and whichever of `WebhookReceiver`,
 *    `Refunder`, `Reconciler` Mollie supports (types.ts), returning commands and events, never writing
 *    storage; plus a `mollieFactory: ProviderFactory` that answers null when the site has no Mollie settings;
 * 4. add `mollieFactory` to BUILTIN_PROVIDERS below, and its tests under test/providers/mollie/.
 * The host needs no change: it creates whatever this registry returns and routes `webhooks/mollie` to it.
 */
export const BUILTIN_PROVIDERS: readonly ProviderFactory[] = [
  stripeFactory,
  simulationFactory,
  offlineFactory,
];

export class ProviderRegistry {
  readonly #factories = new Map<ProviderId, ProviderFactory>();

  constructor(factories: readonly ProviderFactory[] = BUILTIN_PROVIDERS) {
    for (const factory of factories) this.register(factory);
  }

  /** Two providers under one id would make webhooks and stored orders ambiguous: refused. */
  register(factory: ProviderFactory): this {
    if (this.#factories.has(factory.id)) {
      throw new Error(`A payment provider with id "${factory.id}" is already registered.`);
    }
    this.#factories.set(factory.id, factory);
    return this;
  }

  ids(): ProviderId[] {
    return [...this.#factories.keys()];
  }

  /** The providers this site has configured, by id. Settings are checked first, without echoing any value. */
  create(settings: ProviderSettings, deps: ProviderDeps): Map<ProviderId, PaymentProvider> {
    checkSettings(settings);
    const providers = new Map<ProviderId, PaymentProvider>();
    for (const factory of this.#factories.values()) {
      const provider = factory.create(settings, deps);
      if (provider === null) continue;
      if (provider.id !== factory.id) {
        throw new Error(`The "${factory.id}" factory created a provider with id "${provider.id}".`);
      }
      providers.set(provider.id, provider);
    }
    return providers;
  }
}

/** Reports the first wrong setting by path and rule only: the value may be a secret. */
function checkSettings(settings: ProviderSettings): void {
  const first = Value.Errors(ProviderSettings, settings).First();
  if (first === undefined) return;
  const setting = first.path.replace(/^\//, '').replace(/\//g, '.') || '(root)';
  throw new ProviderConfigError(setting, `Payment setting ${setting} is not valid: ${first.message}.`);
}

export function createProviders(
  settings: ProviderSettings,
  deps: ProviderDeps,
  registry: ProviderRegistry = new ProviderRegistry(),
): Map<ProviderId, PaymentProvider> {
  return registry.create(settings, deps);
}
