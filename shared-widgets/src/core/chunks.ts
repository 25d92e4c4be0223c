/* eslint-disable @typescript-eslint/ban-ts-comment -- @ts-ignore is needed here, see below */

/*
 * The code a form's chunk fetches on demand, one chunk each (see build.mjs): the simulation's test-card step,
 * Stripe's loader (@stripe/stripe-js); the forms' own chunks are fetched by guichet.js (core/packs.ts). Dynamic
 * imports live in these two files because the tests' TypeScript settings (module node16) want file extensions on them that esbuild and Jest do not use; each such line is
 * marked @ts-ignore (@ts-expect-error would fail the widget's own bundler-mode check, where all is well),
 * and its type is restated with `typeof import(…)`, which node16 checks as usual.
 */

export type SimulationStep = typeof import('../payment/simulation');

export const loadSimulationStep = (): Promise<SimulationStep> =>
  // @ts-ignore TS2835 under node16 only (see above)
  import('../payment/simulation');

/** Stripe's own loader package; it fetches Stripe.js from js.stripe.com when called. */
export const loadStripeJs = (): Promise<typeof import('@stripe/stripe-js/pure')> =>
  // @ts-ignore TS2307 under node16 only (see above)
  import('@stripe/stripe-js/pure');
