/* eslint-disable @typescript-eslint/ban-ts-comment -- @ts-ignore is needed here, see below */
import type { Kind } from './kind';

/*
 * The code fetched on demand, one chunk each (see build.mjs): a kind's fields, a language's strings, the
 * simulation's test-card step, Stripe's loader (@stripe/stripe-js). All dynamic imports live here because the tests' TypeScript
 * settings (module node16) want file extensions on them that esbuild and Jest do not use; each such line is
 * marked @ts-ignore (@ts-expect-error would fail the widget's own bundler-mode check, where all is well),
 * and its type is restated with `typeof import(…)`, which node16 checks as usual.
 */

export type SimulationStep = typeof import('../payment/simulation');
type Language = typeof import('../i18n/fr');

export const loadSimulationStep = (): Promise<SimulationStep> =>
  // @ts-ignore TS2835 under node16 only (see above)
  import('../payment/simulation');

/** Stripe's own loader package; it fetches Stripe.js from js.stripe.com when called. */
export const loadStripeJs = (): Promise<typeof import('@stripe/stripe-js/pure')> =>
  // @ts-ignore TS2307 under node16 only (see above)
  import('@stripe/stripe-js/pure');

export const loadFrench = (): Promise<Language> =>
  // @ts-ignore TS2835 under node16 only (see above)
  import('../i18n/fr');

export const loadEnglish = (): Promise<Language> =>
  // @ts-ignore TS2835 under node16 only (see above)
  import('../i18n/en');

export const KINDS: Record<string, () => Promise<Kind>> = {
  'guichet-donation': async () =>
    // @ts-ignore TS2835 under node16 only (see above)
    ((await import('../kinds/donation')) as typeof import('../kinds/donation')).donation as Kind,
  'guichet-membership': async () =>
    // @ts-ignore TS2835 under node16 only (see above)
    ((await import('../kinds/membership')) as typeof import('../kinds/membership')).membership as Kind,
  'guichet-tickets': async () =>
    // @ts-ignore TS2835 under node16 only (see above)
    ((await import('../kinds/tickets')) as typeof import('../kinds/tickets')).tickets as Kind,
};
