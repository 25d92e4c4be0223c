/**
 * Payment providers of the Node adapter: create them from a site's settings with `createProviders`, then talk
 * to them through the interfaces of types.ts. See registry.ts to add one.
 */
export * from './types';
export * from './settings';
export type { ProviderDeps, ProviderFactory } from './factory';
export { BUILTIN_PROVIDERS, ProviderRegistry, createProviders } from './registry';
export { StripeProvider } from './stripe';
export { STRIPE_API_VERSION } from './stripe/client';
export { SimulationProvider, isCardSimulator, signSimulationEvent } from './simulation';
export type { CardSimulator, SimulationAnswer } from './simulation';
export { OfflineProvider } from './offline';
