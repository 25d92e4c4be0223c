// A visitor pays a WordPress donation block through Stripe — the repository's Stripe emulator behind a fake
// Stripe.js (the page never reaches js.stripe.com) — and comes back to a paid order once WordPress has applied
// the emulator's signed webhook.
import type { Browser } from 'playwright-core';
import { startStripeEmulator, type StripeEmulator } from '../../backend-adapter/testing/stripe-emulator';
import { expectAccessible } from '../browser/support/axe';
import { guardedPage, launchChromium } from '../browser/support/browser';
import { serveFakeStripe } from '../browser/support/fake-stripe/route';
import { fillPayer } from '../browser/support/journey';
import { ensureBlocksBuilt } from './build-blocks';
import { phpProblems, startGuichet } from './guichet-site';
import { preparePublicSite } from './public-site';
import type { WordPressSite } from './wp-server';

jest.setTimeout(120_000);

let emulator: StripeEmulator;
let site: WordPressSite;
let browser: Browser;

beforeAll(async () => {
  await ensureBlocksBuilt();
  emulator = await startStripeEmulator();
  site = await startGuichet(
    { config: [`define('GUICHET_STRIPE_API_BASE', ${JSON.stringify(emulator.url)});`] },
    {
      simulation: false,
      defaultLocale: 'fr',
      stripe: {
        testPublishableKey: 'pk_test_wordpress_journey',
        testSecretKey: 'sk_test_wordpress_journey',
        webhookSecret: emulator.webhookSecret,
        uiMode: 'embedded_page',
      },
    },
  );
  await preparePublicSite(site);
  emulator.setWebhook(
    { url: `${site.api}/webhooks/stripe` },
    emulator.accountIdFor('sk_test_wordpress_journey'),
  );
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
  await emulator?.close();
});

test('a visitor gives 50 € through Stripe’s embedded page and comes back to a paid order', async () => {
  const created = await fetch(`${site.url}/wp-json/wp/v2/pages`, {
    method: 'POST',
    headers: { Authorization: site.auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      title: 'Dons',
      slug: 'dons',
      status: 'publish',
      content: `<!-- wp:guichet/donation ${JSON.stringify({
        formId: 'don-stripe',
        config: { title: 'Soutenez le jardin', donation: { presets: [2500, 5000] } },
      })} /-->`,
    }),
  });
  expect(created.status).toBe(201);
  const { page, close } = await guardedPage(browser);
  try {
    await serveFakeStripe(page, emulator.url);
    await page.goto(`${site.url}/dons/`);
    await page.getByText('50 €', { exact: true }).click();
    await fillPayer(page);
    await page.getByRole('button', { name: /^Donner 50\s€/ }).click();
    await page.getByRole('heading', { name: 'Paiement' }).waitFor();
    await page.getByTestId('stripe-embedded').waitFor();
    await page.getByLabel('Numéro de carte (Stripe de test)').fill('4242 4242 4242 4242');
    await page.getByTestId('stripe-pay').click();
    await page.waitForURL(/session_id=/);
    await page
      .getByRole('heading', { name: /Merci ! Votre paiement de 50\s€ est confirmé\./ })
      .waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'WordPress page back from Stripe');
  } finally {
    await close();
  }
  const stored = await site.php(
    `global $wpdb; echo wp_json_encode($wpdb->get_results("SELECT status, provider, total FROM {$wpdb->prefix}guichet_orders WHERE form_id = 'don-stripe'"));`,
  );
  expect(JSON.parse(stored)).toEqual([{ status: 'paid', provider: 'stripe', total: '5000' }]);
  expect(phpProblems(site)).toEqual([]);
});
