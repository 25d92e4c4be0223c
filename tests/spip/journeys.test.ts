// Browser journeys on a real SPIP 4.1 (GUICHET_SPIP_ROOT; skipped with a line saying so without it): an article
// whose text holds <donN>, paid with the widget (JavaScript on) and with SPIP's own form (JavaScript off), and
// the no-JS form and the test card page checked with axe-core. Chromium from Debian, nothing leaves loopback.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { guardedPage, launchChromium } from '../browser/support/browser';
import { expectAccessible } from '../browser/support/axe';
import { expectAccessibleWithin } from './axe-within';
import { ROOT, spipUnavailable, startSpip, type SpipSite } from './spip-site';

jest.setTimeout(120_000);

const unavailable = spipUnavailable();
if (unavailable) console.log(`real-SPIP journeys: SKIPPED (${unavailable})`);

(unavailable ? describe.skip : describe)('an article with <donN> on a real SPIP', () => {
  let site: SpipSite;
  let browser: Browser;
  let formId: number;
  let articleUrl: string;

  beforeAll(async () => {
    // The journeys test the current widget sources, as the widgets' own journeys do.
    execFileSync(process.execPath, [join(ROOT, 'shared-widgets/build.mjs')], { stdio: 'ignore' });
    site = await startSpip();
    console.log(
      `real-SPIP journeys: SPIP at ${site.url}; boot ${Object.entries(site.durees)
        .map(([step, seconds]) => `${step} ${seconds.toFixed(2)} s`)
        .join(', ')}`,
    );
    formId = await site.form('form-config.donation', { payment: { providers: ['simulation'] } });
    const article = await site.article(`Nos semences viennent de vos dons.\n\n<don${formId}>`);
    articleUrl = `${site.url}/spip.php?page=article&id_article=${article}`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  async function paidTotals(): Promise<number[]> {
    return (await site.orders(formId)).filter((o) => o.statut === 'paid').map((o) => Number(o.total));
  }

  test('with JavaScript, the widget takes the form over and the donor pays by test card', async () => {
    const { page, close } = await guardedPage(browser);
    try {
      await page.goto(articleUrl);
      await page.locator('guichet-donation[data-state="ready"]').waitFor();
      expect(
        await page
          .locator(
            'guichet-donation form.formulaire_guichet_paiement, guichet-donation .formulaire_guichet_paiement',
          )
          .count(),
      ).toBe(0);
      await expectAccessibleWithin(page, 'guichet-donation', 'widget in the article');

      await page.getByText('50 €', { exact: true }).click();
      await page.getByLabel('E-mail').fill('claire@example.org');
      await page.getByLabel('Prénom').fill('Claire');
      await page.getByLabel('Nom', { exact: true }).fill('Dubois');
      await page.getByRole('button', { name: 'Donner 50 €' }).click();

      await page.getByRole('heading', { name: 'Paiement' }).waitFor();
      await page.getByLabel('Numéro de carte de test').fill('4242 4242 4242 4242');
      await page.getByRole('button', { name: 'Payer 50 €' }).click();
      await page.getByRole('heading', { name: /Merci ! Votre paiement de 50\s€ est confirmé\./ }).waitFor();
      await expectAccessibleWithin(page, 'guichet-donation', 'confirmation in the article');
      expect(await paidTotals()).toContain(5000);
    } finally {
      await close();
    }
  });

  test('without JavaScript, SPIP’s own form takes the donation to the test card page and back', async () => {
    const { page, close } = await guardedPage(browser, { javaScriptEnabled: false });
    try {
      await page.goto(articleUrl);
      await page.getByLabel('Montant (EUR)').fill('30');
      await page.getByRole('button', { name: 'Continuer vers le paiement' }).click();
      // Everything missing is said at once, next to each field.
      await page.getByText('Le formulaire contient 3 erreur(s) : corrigez les champs signalés.').waitFor();
      expect(await page.getByLabel('Montant (EUR)').inputValue()).toBe('30');

      await page.getByLabel('Adresse e-mail').fill('paul@example.org');
      await page.getByLabel('Prénom').fill('Paul');
      await page.getByLabel('Nom', { exact: true }).fill('Martin');
      await page.getByRole('button', { name: 'Continuer vers le paiement' }).click();

      await page.getByRole('heading', { name: 'Paiement de test' }).waitFor();
      await page.getByLabel('Numéro de carte de test').fill('4242 4242 4242 4242');
      await page.getByRole('button', { name: 'Payer (test)' }).click();
      await page.getByText(/Merci ! Votre paiement de 30,00\s€ est confirmé\./).waitFor();
      expect(page.url()).toContain(articleUrl);
      expect(await paidTotals()).toContain(3000);
    } finally {
      await close();
    }
  });

  test('the no-JS form and the test card page pass axe-core', async () => {
    const { page, close } = await guardedPage(browser);
    try {
      // Scripts run (axe needs them) but the widget is kept away: the page as a browser without it sees it.
      await page.route('**/cache-guichet/widgets/**', (route) => route.abort());
      await page.goto(articleUrl);
      await page.getByRole('button', { name: 'Continuer vers le paiement' }).click();
      await page.getByText(/Le formulaire contient \d+ erreur/).waitFor();
      await expectAccessibleWithin(page, '.guichet-modele', 'no-JS form with its errors');
      await fill(page);
      await page.getByRole('button', { name: 'Continuer vers le paiement' }).click();
      await page.getByRole('heading', { name: 'Paiement de test' }).waitFor();
      await expectAccessible(page, 'test card page');
    } finally {
      await close();
    }
  });
});

async function fill(page: Page): Promise<void> {
  await page.getByLabel('Adresse e-mail').fill('lea@example.org');
  await page.getByLabel('Prénom').fill('Léa');
  await page.getByLabel('Nom', { exact: true }).fill('Bernard');
}
