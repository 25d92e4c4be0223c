/* eslint-disable @typescript-eslint/ban-ts-comment -- @ts-ignore is needed here, see below */
import type { Locale } from '../../../backend-adapter/src/protocol/common';
import type { Language } from '../i18n';
import type { Kind } from './kind';

/*
 * The code fetched on demand, one chunk each (see build.mjs): a kind's fields with a language's strings, the
 * simulation's test-card step, Stripe's loader (@stripe/stripe-js). All dynamic imports live here because the tests' TypeScript
 * settings (module node16) want file extensions on them that esbuild and Jest do not use; each such line is
 * marked @ts-ignore (@ts-expect-error would fail the widget's own bundler-mode check, where all is well),
 * and its type is restated with `typeof import(…)`, which node16 checks as usual.
 */

export type SimulationStep = typeof import('../payment/simulation');

/** What a form needs before it is drawn: its kind's code and the strings it shows in the page's language. */
export interface Pack {
  kind: Kind;
  strings: Language;
}

export const loadSimulationStep = (): Promise<SimulationStep> =>
  // @ts-ignore TS2835 under node16 only (see above)
  import('../payment/simulation');

/** Stripe's own loader package; it fetches Stripe.js from js.stripe.com when called. */
export const loadStripeJs = (): Promise<typeof import('@stripe/stripe-js/pure')> =>
  // @ts-ignore TS2307 under node16 only (see above)
  import('@stripe/stripe-js/pure');

/** One chunk per kind and language (src/packs/): a page never downloads another kind's code or strings. */
export const KINDS: Record<string, (locale: Locale) => Promise<Pack>> = {
  'guichet-donation': (locale) =>
    (locale === 'en'
      ? // @ts-ignore TS2835 under node16 only (see above)
        import('../packs/donation-en')
      : // @ts-ignore TS2835 under node16 only (see above)
        import('../packs/donation-fr')) as Promise<Pack>,
  'guichet-membership': (locale) =>
    (locale === 'en'
      ? // @ts-ignore TS2835 under node16 only (see above)
        import('../packs/membership-en')
      : // @ts-ignore TS2835 under node16 only (see above)
        import('../packs/membership-fr')) as Promise<Pack>,
  'guichet-tickets': (locale) =>
    (locale === 'en'
      ? // @ts-ignore TS2835 under node16 only (see above)
        import('../packs/tickets-en')
      : // @ts-ignore TS2835 under node16 only (see above)
        import('../packs/tickets-fr')) as Promise<Pack>,
};
