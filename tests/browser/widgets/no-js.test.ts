import type { Browser } from 'playwright-core';
import { expectAccessible } from '../support/axe';
import { guardedPage, launchChromium } from '../support/browser';
import { startJourneyHost, type JourneyHost } from '../support/journey-host';
import { donationForm } from '../support/forms';
import { element, widgetPage } from '../support/pages';

let browser: Browser;
let host: JourneyHost;
let url: string;

/** The no-JS form a host prints inside the element, with the field names documented in the widgets' README. */
const innerForm = (action: string) => `
<form method="post" action="${action}">
  <input type="hidden" name="locale" value="fr">
  <fieldset>
    <legend>Montant de votre don</legend>
    <label><input type="radio" name="donation.amount" value="1500"> 15 €</label>
    <label><input type="radio" name="donation.amount" value="2500" checked> 25 €</label>
    <label><input type="radio" name="donation.amount" value="5000"> 50 €</label>
  </fieldset>
  <p><label for="nojs-other">Autre montant</label> <input id="nojs-other" name="donation.customAmount" inputmode="decimal"></p>
  <p><label for="nojs-email">E-mail</label> <input id="nojs-email" type="email" name="payer.email" required></p>
  <p><label for="nojs-first">Prénom</label> <input id="nojs-first" name="payer[firstName]" required></p>
  <p><label for="nojs-last">Nom</label> <input id="nojs-last" name="payer[lastName]" required></p>
  <p><label><input type="checkbox" name="consents.newsletterOptIn"> Je souhaite recevoir la lettre d’information</label></p>
  <input type="hidden" name="payment.method" value="simulation">
  <button type="submit">Donner</button>
</form>`;

beforeAll(async () => {
  browser = await launchChromium();
  host = await startJourneyHost({ forms: [donationForm()] });
  url = host.page(
    '/don-sans-js',
    widgetPage({
      assets: host.widgets,
      title: 'Faire un don',
      body: element(
        'guichet-donation',
        { base: host.base(), form: 'don' },
        innerForm('/cms/forms/don/submit'),
      ),
    }),
  );
});
afterAll(async () => {
  await host?.close();
  await browser?.close();
});

test('JavaScript off: the host’s form posts, the payer pays on the hosted page and comes back', async () => {
  const { page, close } = await guardedPage(browser, { javaScriptEnabled: false });
  try {
    await page.goto(url);
    await page.getByLabel('Autre montant').fill('30');
    await page.getByLabel('E-mail').fill('paul@example.org');
    await page.getByLabel('Prénom').fill('Paul');
    await page.getByLabel('Nom', { exact: true }).fill('Martin');
    await page.getByRole('button', { name: 'Donner' }).click();

    await page.getByRole('heading', { name: 'Paiement de 30,00 € (simulation)' }).waitFor();
    await page.getByLabel('Numéro de carte de test').fill('4242424242424242');
    await page.getByRole('button', { name: /^Payer/ }).click();
    await page.waitForURL(/guichet_order=/);
    const [order] = await host.orders();
    expect(order).toMatchObject({ status: 'paid', total: 3000 });
    expect(order?.request.payer).toEqual({
      email: 'paul@example.org',
      firstName: 'Paul',
      lastName: 'Martin',
    });
    expect(new URL(page.url()).pathname).toBe('/don-sans-js');
  } finally {
    await close();
  }
});

test('JavaScript on, arriving late: the widget takes over the no-JS form keeping what was typed and the focus', async () => {
  const { page, close } = await guardedPage(browser);
  try {
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/widget/guichet.js', async (route) => {
      await released;
      await route.continue();
    });
    // A module script holds DOMContentLoaded back: the page is usable as soon as the form is parsed.
    await page.goto(url, { waitUntil: 'commit' });
    await expectAccessible(page, 'no-JS form, before the widget');
    await page.getByLabel('Autre montant').fill('30');
    await page.getByLabel('Prénom').fill('Paul');
    await page.getByRole('checkbox', { name: /lettre d’information/ }).check();
    await page.getByLabel('E-mail').fill('paul@');
    release();

    await page.locator('guichet-donation[data-state="ready"]').waitFor();
    const email = page.getByLabel('E-mail');
    expect(await email.inputValue()).toBe('paul@');
    expect(await email.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.type('example.org');
    expect(await page.getByLabel('Autre montant').inputValue()).toBe('30');
    expect(await page.getByLabel('Prénom').inputValue()).toBe('Paul');
    expect(await page.getByRole('checkbox', { name: /lettre d’information/ }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: '25 €' }).isChecked()).toBe(false);
    expect(await page.locator('form[action]').count()).toBe(0);
    await page.getByRole('button', { name: 'Donner 30 €' }).waitFor();
    await expectAccessible(page, 'upgraded form');
  } finally {
    await close();
  }
});
