import type { Browser } from 'playwright-core';
import { expectAccessible } from '../support/axe';
import { guardedPage, launchChromium } from '../support/browser';
import { startJourneyHost, type JourneyHost } from '../support/journey-host';
import { donationForm } from '../support/forms';
import { element, widgetPage } from '../support/pages';
import { fillPayer, payByTestCard } from '../support/journey';
import { screenshots } from '../support/screenshots';

let browser: Browser;
let host: JourneyHost;
let url: string;

beforeAll(async () => {
  browser = await launchChromium();
  host = await startJourneyHost({ forms: [donationForm()] });
  url = host.page(
    '/don',
    widgetPage({
      assets: host.widgets,
      title: 'Faire un don',
      body: element('guichet-donation', { base: host.base(), form: 'don' }),
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
    const [order] = await host.orders();
    expect(order?.status).toBe('paid');
    expect(order?.total).toBe(5102);
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

test('donate monthly: monthly presets, no cheque, a 3-D Secure dialog (Escape refuses), then approved', async () => {
  const { page, close } = await guardedPage(browser);
  try {
    await page.goto(url);
    await page.getByText('Tous les mois', { exact: true }).click();
    await page.getByRole('radio', { name: '10 € par mois' }).waitFor({ state: 'attached' });
    expect(await page.getByRole('radio', { name: 'Chèque' }).count()).toBe(0);
    await page.getByLabel('Autre montant').fill('12,50');
    expect(await page.getByRole('radio', { name: '10 € par mois' }).isChecked()).toBe(false);
    await page
      .getByText('Votre don de 12,50 € par mois ne vous coûte que 4,25 € par mois après réduction d’impôt.')
      .waitFor();
    await fillPayer(page);
    await page.getByRole('button', { name: 'Donner 12,50 € par mois' }).click();

    await page.getByRole('heading', { name: 'Paiement' }).waitFor();
    await payByTestCard(page, '4000 0027 6000 3184');
    const dialog = page.getByRole('dialog', { name: 'Authentification 3-D Secure' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Confirmer le paiement');
    await expectAccessible(page, '3-D Secure dialog');
    await page.keyboard.press('Escape');
    await page
      .getByText("L'authentification auprès de votre banque a échoué. Rien n'a été débité.")
      .waitFor();
    expect(await dialog.count()).toBe(0);

    await payByTestCard(page, '4000 0027 6000 3184');
    await dialog.getByRole('button', { name: 'Confirmer le paiement' }).click();
    await page
      .getByRole('heading', { name: 'Merci ! Votre soutien régulier de 12,50 € par mois est en place.' })
      .waitFor();
    await expectAccessible(page, 'monthly confirmation');
    const order = (await host.orders()).at(-1);
    expect(order).toMatchObject({ status: 'paid', total: 1250, recurring: { interval: 'month' } });
  } finally {
    await close();
  }
});

test('a declined card, then another card pays the same order', async () => {
  const { page, close } = await guardedPage(browser);
  try {
    await page.goto(url);
    await page.getByText('15 €', { exact: true }).click();
    await fillPayer(page);
    await page.getByRole('button', { name: 'Donner 15 €' }).click();
    await payByTestCard(page, '4000 0000 0000 0002');
    await page.getByRole('alert').filter({ hasText: 'Le paiement a été refusé.' }).waitFor();
    await expectAccessible(page, 'declined card');
    expect(
      await page.getByLabel('Numéro de carte de test').evaluate((input) => input === document.activeElement),
    ).toBe(true);

    await payByTestCard(page, '4242 4242 4242 4242');
    await page.getByRole('heading', { name: 'Merci ! Votre paiement de 15 € est confirmé.' }).waitFor();
    const orders = (await host.orders()).filter((order) => order.total === 1500);
    expect(orders.map((order) => order.status)).toEqual(['paid']);
  } finally {
    await close();
  }
});

test('a payment that fails later: the status page offers a retry, and the form still holds everything typed', async () => {
  const { page, close } = await guardedPage(browser);
  try {
    await page.goto(url);
    await page.getByLabel('Autre montant').fill('42');
    await fillPayer(page);
    await page.getByLabel('Dédicace').fill('Pour les ateliers des écoles');
    await page.getByRole('button', { name: 'Donner 42 €' }).click();
    await payByTestCard(page, '4000 0000 0000 0077');
    await page.getByRole('heading', { name: 'Paiement en cours de traitement…' }).waitFor();
    await expectAccessible(page, 'pending');

    const first = (await host.orders()).at(-1);
    await host.simulationEvent(first?.id ?? '', 'payment_failed');
    await page.getByRole('heading', { name: "Le paiement n'a pas abouti : rien n'a été débité." }).waitFor();
    await expectAccessible(page, 'failed');
    await page.getByRole('button', { name: 'Réessayer' }).click();

    expect(await page.getByLabel('Autre montant').inputValue()).toBe('42');
    expect(await page.getByLabel('E-mail').inputValue()).toBe('claire@example.org');
    expect(await page.getByLabel('Dédicace').inputValue()).toBe('Pour les ateliers des écoles');
    await page.getByRole('button', { name: 'Donner 42 €' }).click();
    await payByTestCard(page, '4242 4242 4242 4242');
    await page.getByRole('heading', { name: 'Merci ! Votre paiement de 42 € est confirmé.' }).waitFor();
    const second = (await host.orders()).at(-1);
    expect(second?.id).not.toBe(first?.id);
    expect(second?.request).toMatchObject({
      donation: {
        amount: 4200,
        dedication: 'Pour les ateliers des écoles',
      },
    });
  } finally {
    await close();
  }
});
