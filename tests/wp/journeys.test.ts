// Whole journeys on a real WordPress in Debian's Chromium: a visitor on a phone pays a published donation
// block with a simulation test card (network guard on, axe-core on the public page), then the treasurer finds
// the order in wp-admin, refunds it and exports the CSV. (The editor inserting the block is editor.test.ts.)
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { expectAccessible } from '../browser/support/axe';
import { guardedPage, launchChromium } from '../browser/support/browser';
import { fillPayer, payByTestCard } from '../browser/support/journey';
import { ensureBlocksBuilt } from './build-blocks';
import { phpProblems, startGuichet, type Json } from './guichet-site';
import { preparePublicSite } from './public-site';
import type { WordPressSite } from './wp-server';
import { logInInBrowser } from './admin-session';

jest.setTimeout(120_000);

let site: WordPressSite;
let browser: Browser;

/** Publishes a page holding one Guichet block, as the editor saves it (FormSync stores its form). */
async function publish(slug: string, block: string, attributes: Json): Promise<string> {
  const response = await fetch(`${site.url}/wp-json/wp/v2/pages`, {
    method: 'POST',
    headers: { Authorization: site.auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      title: slug,
      slug,
      status: 'publish',
      content: `<!-- wp:guichet/${block} ${JSON.stringify(attributes)} /-->`,
    }),
  });
  expect(response.status).toBe(201);
  return `${site.url}/${slug}/`;
}

beforeAll(async () => {
  await ensureBlocksBuilt();
  site = await startGuichet({}, { defaultLocale: 'fr' });
  await preparePublicSite(site);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

test('a visitor gives 25 € by test card; the treasurer sees the order, refunds it and exports the CSV', async () => {
  const url = await publish('dons', 'donation', {
    formId: 'don-journey',
    config: { title: 'Soutenez le jardin', donation: { presets: [1000, 2500, 5000] } },
  });
  const visitor = await guardedPage(browser);
  try {
    const { page } = visitor;
    await page.goto(url);
    await page.getByRole('radio', { name: '25 €' }).waitFor({ state: 'attached' });
    await page.getByText('25 €', { exact: true }).click();
    await expectAccessible(page, 'WordPress donation page');
    await fillPayer(page);
    await page.getByRole('button', { name: /^Donner / }).click();
    await page.getByRole('heading', { name: 'Paiement' }).waitFor();
    await payByTestCard(page, '4242 4242 4242 4242');
    await page.getByRole('heading', { name: /Merci ! Votre paiement de 25\s€ est confirmé\./ }).waitFor();
    await expectAccessible(page, 'WordPress donation confirmation');
  } finally {
    await visitor.close();
  }

  const treasurer = await guardedPage(browser, { viewport: { width: 1280, height: 900 } });
  try {
    const { page } = treasurer;
    await logInInBrowser(page, site);
    await page.goto(`${site.url}/wp-admin/admin.php?page=guichet&s=claire`);
    const row = page.getByRole('row', { name: /Dubois/ });
    await row.getByRole('link').first().click();
    await page.getByText('claire@example.org').first().waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: /Rembourser|Refund/ }).click();
    await page.waitForURL(/guichet_done=refund/);

    await page.goto(`${site.url}/wp-admin/admin.php?page=guichet`);
    const exportLink = page.locator('a[href*="action=guichet_export_csv"]').first();
    const [download] = await Promise.all([page.waitForEvent('download'), exportLink.click()]);
    const path = await download.path();
    const csv = readFileSync(path, 'utf8');
    expect(csv).toMatch(
      /,refunded,donation,don-journey,Claire,Dubois,claire@example\.org,25\.00,25\.00,EUR,simulation,/,
    );
  } finally {
    await treasurer.close();
  }
  expect(phpProblems(site)).toEqual([]);
});

test('a visitor joins (membership block) and another books a seat (tickets block), each paying by test card', async () => {
  const membership = await publish('adhesion', 'membership', {
    formId: 'adh-journey',
    config: {
      title: 'Adhérez au jardin',
      membership: {
        tiers: [
          { id: 'individuelle', name: 'Adhésion individuelle', price: { type: 'fixed', amount: 1500 } },
        ],
      },
    },
  });
  const tickets = await publish('concert', 'tickets', {
    formId: 'concert-journey',
    config: {
      title: 'Concert de Noël',
      tickets: {
        event: { startsAt: '2030-12-12T20:00', location: 'Salle des fêtes' },
        types: [{ id: 'plein', name: 'Plein tarif', price: 1200, quota: 30 }],
        maxPerOrder: 4,
      },
    },
  });
  const visitor = await guardedPage(browser);
  try {
    const { page } = visitor;
    await page.goto(membership);
    await page.getByRole('radio', { name: 'Adhésion individuelle' }).waitFor({ state: 'attached' });
    await expectAccessible(page, 'WordPress membership page');
    await fillPayer(page);
    await page.getByRole('button', { name: /^Adhérer pour 15\s€/ }).click();
    await page.getByRole('heading', { name: 'Paiement' }).waitFor();
    await payByTestCard(page, '4242 4242 4242 4242');
    await page.getByRole('heading', { name: /Merci ! Votre paiement de 15\s€ est confirmé\./ }).waitFor();

    await page.goto(tickets);
    await page.getByRole('button', { name: 'Un billet « Plein tarif » de plus' }).click();
    await expectAccessible(page, 'WordPress tickets page');
    await fillPayer(page);
    await page.getByRole('button', { name: /^Payer 12\s€/ }).click();
    await page.getByRole('heading', { name: 'Paiement' }).waitFor();
    await payByTestCard(page, '4242 4242 4242 4242');
    await page.getByRole('heading', { name: /Merci ! Votre paiement de 12\s€ est confirmé\./ }).waitFor();
    await page.getByRole('heading', { name: 'Vos billets' }).waitFor();
    await expectAccessible(page, 'WordPress tickets confirmation');
  } finally {
    await visitor.close();
  }
  const paid = await site.php(
    `global $wpdb; echo wp_json_encode($wpdb->get_results("SELECT form_id, status FROM {$wpdb->prefix}guichet_orders WHERE form_id IN ('adh-journey', 'concert-journey') ORDER BY form_id"));`,
  );
  expect(JSON.parse(paid)).toEqual([
    { form_id: 'adh-journey', status: 'paid' },
    { form_id: 'concert-journey', status: 'paid' },
  ]);
  expect(phpProblems(site)).toEqual([]);
});
