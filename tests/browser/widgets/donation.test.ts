import type { Browser } from 'playwright-core';
import { expectAccessible } from '../support/axe';
import { guardedPage, launchChromium } from '../support/browser';
import { startFakeHost, type FakeHost } from '../support/fake-host/host';
import { donationForm, SIMULATION_SETTINGS } from '../support/forms';
import { element, widgetPage } from '../support/pages';
import { screenshots } from '../support/screenshots';

let browser: Browser;
let host: FakeHost;
let url: string;

beforeAll(async () => {
  browser = await launchChromium();
  host = await startFakeHost({ forms: [donationForm()], settings: SIMULATION_SETTINGS });
  url = host.page(
    '/don',
    widgetPage({
      title: 'Faire un don',
      body: element('guichet-donation', { base: host.base, form: 'don' }),
    }),
  );
});
afterAll(async () => {
  await host?.close();
  await browser?.close();
});

test('donate once by test card: preset, fee coverage, tax preview, receipt address, paid', async () => {
  const { page, close } = await guardedPage(browser);
  try {
    await page.goto(url);
    const preset = page.getByRole('radio', { name: '25 €' });
    await preset.waitFor({ state: 'attached' });
    expect(await preset.isChecked()).toBe(true);
    await expectAccessible(page, 'donation form');
    await screenshots(page, 'donation-form');

    await page.getByText('50 €', { exact: true }).click();
    await page.getByText('Votre don de 50 € ne vous coûte que 17 € après réduction d’impôt.').waitFor();
    await page.getByLabel(/J'ajoute 1,02\s€ pour que 100\s% de mon don/).check();
    await page.getByText('Total : 51,02 €').waitFor();

    await page.getByLabel('E-mail').fill('claire@example.org');
    await page.getByLabel('Prénom').fill('Claire');
    await page.getByLabel('Nom', { exact: true }).fill('Dubois');
    await page.getByLabel('Je souhaite recevoir un reçu fiscal').check();
    await page.getByLabel('Adresse', { exact: true }).fill('3 place Jean-Jaurès');
    await page.getByLabel('Code postal').fill('93100');
    await page.getByLabel('Ville').fill('Montreuil');
    await expectAccessible(page, 'donation form filled');
    await page.getByRole('button', { name: 'Donner 51,02 €' }).click();

    await page.getByRole('heading', { name: 'Paiement' }).waitFor();
    await expectAccessible(page, 'payment step');
    await page.getByLabel('Numéro de carte de test').fill('4242 4242 4242 4242');
    await page.getByRole('button', { name: 'Payer 51,02 €' }).click();

    await page.getByRole('heading', { name: 'Merci ! Votre paiement de 51,02 € est confirmé.' }).waitFor();
    await expectAccessible(page, 'confirmation');
    const [order] = [...host.store.orders.values()];
    expect(order?.status.status).toBe('paid');
    expect(order?.status.total).toBe(5102);
    expect(order?.request.payer.address).toEqual({
      line1: '3 place Jean-Jaurès',
      postalCode: '93100',
      city: 'Montreuil',
      country: 'FR',
    });
  } finally {
    await close();
  }
});
