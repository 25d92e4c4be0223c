import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';

/** Debian's Chromium, never a downloaded one; flags that keep it from reaching the network on its own. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return LOOPBACK.has(hostname);
}

/**
 * Aborts every request that does not go to loopback and remembers it, so a test can fail on any attempt to
 * reach the internet (fonts, analytics, a real js.stripe.com…). Routes a page adds itself (the fake
 * Stripe.js) take precedence over this context-wide one.
 */
export class NetworkGuard {
  readonly blocked: string[] = [];

  async install(context: BrowserContext): Promise<void> {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLoopback(url)) return route.fallback();
      this.blocked.push(`${route.request().method()} ${url}`);
      return route.abort('blockedbyclient');
    });
  }

  /** Throws with the list of blocked requests, if any. */
  assertNoExternalRequests(): void {
    if (this.blocked.length) {
      throw new Error(`requests left loopback (aborted):\n  ${this.blocked.join('\n  ')}`);
    }
  }
}

export interface GuardedPage {
  context: BrowserContext;
  page: Page;
  guard: NetworkGuard;
  /** Closes the context, then fails if anything tried to leave loopback. */
  close(): Promise<void>;
}

/** A fresh context with the network guard, French by default, phone-sized unless told otherwise. */
export async function guardedPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<GuardedPage> {
  const context = await browser.newContext({
    locale: 'fr-FR',
    viewport: { width: 375, height: 800 },
    reducedMotion: 'reduce',
    ...options,
  });
  const guard = new NetworkGuard();
  await guard.install(context);
  const page = await context.newPage();
  // Journeys wait for what a payer would see; a few seconds is plenty on loopback.
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    context,
    page,
    guard,
    close: async () => {
      await context.close();
      guard.assertNoExternalRequests();
      if (errors.length) throw new Error(`uncaught errors in the page:\n  ${errors.join('\n  ')}`);
    },
  };
}
