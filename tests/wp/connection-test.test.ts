// Settings → "Test the Stripe connection" against the repository's Stripe emulator: a good test key works, a key
// Stripe refuses is said so (without quoting it), missing keys are asked for. Needs the capability and a nonce.
import { startStripeEmulator, type StripeEmulator } from '../../backend-adapter/testing/stripe-emulator';
import { logIn, type AdminSession } from './admin-session';
import type { WordPressSite } from './wp-server';
import { configure, phpProblems, startGuichet } from './guichet-site';

jest.setTimeout(120_000);

let stripe: StripeEmulator;
let site: WordPressSite;
let admin: AdminSession;

beforeAll(async () => {
  stripe = await startStripeEmulator();
  site = await startGuichet({
    config: [`define('GUICHET_STRIPE_API_BASE', ${JSON.stringify(stripe.url)});`],
  });
  admin = await logIn(site);
});

afterAll(async () => {
  await site?.stop();
  await stripe?.close();
});

/** Presses the button as the treasurer would: the nonce of the test's own form, then follows the redirect. */
async function pressTest(): Promise<string> {
  const settings = await admin.get('/wp-admin/admin.php?page=guichet-settings');
  const form = settings.text.match(/<form[^>]*admin-post\.php[\s\S]*?<\/form>/)?.[0] ?? '';
  const nonce = form.match(/name="_wpnonce" value="([^"]+)"/)?.[1] ?? '';
  const pressed = await admin.post('/wp-admin/admin-post.php', {
    action: 'guichet_test_stripe',
    _wpnonce: nonce,
  });
  expect(pressed.status).toBe(302);
  const location = new URL(pressed.headers.get('location') ?? '', site.url);
  const back = await admin.get(location.pathname + location.search);
  return (
    back.text
      .match(/<div class="notice notice-(\w+)" role="status"><p>([^<]*)<\/p>/)
      ?.slice(1)
      .join(': ') ?? ''
  );
}

test('missing keys are asked for', async () => {
  expect(await pressTest()).toBe(
    'warning: Save a publishable key and a secret key for the current mode first.',
  );
});

test('a test key Stripe accepts: the connection works', async () => {
  await configure(site, {
    stripe: { testPublishableKey: 'pk_test_ok', testSecretKey: 'sk_test_works_1234' },
  });
  expect(await pressTest()).toBe('success: Stripe accepted the secret key: the connection works.');
});

test('a key Stripe refuses is said so, and never printed', async () => {
  const key = ['sk', 'live', 'DoNotPrintThisKey5678'].join('_'); // no live-looking literal in the repository
  await configure(site, { stripe: { mode: 'live', livePublishableKey: 'pk_live_x', liveSecretKey: key } });
  const notice = await pressTest();
  expect(notice).toMatch(/^error: Stripe refused the secret key\./);
  expect(notice).not.toContain('5678');
  expect(site.debugLog()).not.toContain(key);
});

test('without the nonce nothing is tested', async () => {
  const pressed = await admin.post('/wp-admin/admin-post.php', { action: 'guichet_test_stripe' });
  expect(pressed.status).toBe(403);
  expect(phpProblems(site)).toEqual([]);
});
