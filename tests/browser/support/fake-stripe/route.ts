import { buildSync } from 'esbuild';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

let bundled: string | null = null;

/** The fake, compiled once per test process from its TypeScript source. */
function fakeStripeSource(): string {
  bundled ??= buildSync({
    entryPoints: [join(__dirname, 'stripe-js.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
  }).outputFiles[0]!.text;
  return bundled;
}

/**
 * Serves the fake Stripe.js for every https://js.stripe.com/ script the page asks for (the real loader in
 * @stripe/stripe-js injects https://js.stripe.com/<train>/stripe.js), wired to the emulator at `emulatorUrl`.
 * A page route wins over the network guard's context route, so this is the only non-loopback URL answered.
 * Returns the list of Stripe.js URLs served, for assertions.
 */
export async function serveFakeStripe(page: Page, emulatorUrl: string): Promise<string[]> {
  const served: string[] = [];
  await page.route('https://js.stripe.com/**', (route) => {
    served.push(route.request().url());
    return route.fulfill({
      status: 200,
      contentType: 'application/javascript',
      body: `window.__GUICHET_STRIPE_EMULATOR__ = ${JSON.stringify(emulatorUrl)};\n${fakeStripeSource()}`,
    });
  });
  return served;
}
