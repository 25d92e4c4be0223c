import type { Browser } from 'playwright-core';
import { expectAccessible } from '../support/axe';
import { guardedPage, launchChromium } from '../support/browser';
import { startJourneyHost, type JourneyHost } from '../support/journey-host';
import { membershipForm } from '../support/forms';
import { fillPayer, payByTestCard } from '../support/journey';
import { element, widgetPage } from '../support/pages';
import { screenshots } from '../support/screenshots';

let browser: Browser;
let host: JourneyHost;
let url: string;

beforeAll(async () => {
  browser = await launchChromium();
  host = await startJourneyHost({ forms: [membershipForm()] });
  url = host.page(
    '/adhesion',
    widgetPage({
      assets: host.widgets,
      title: 'Adhérer',
      body: element('guichet-membership', { base: host.base(), form: 'adhesion' }),
    }),
  );
});
afterAll(async () => {
  await host?.close();
  await browser?.close();
});

test('join with two members and pay by cheque: the offline instructions name the payee and a reference', async () => {
  const { page, close } = await guardedPage(browser);
  try {
    await page.goto(url);
    await page.getByRole('radio', { name: 'Adhésion individuelle' }).waitFor({ state: 'attached' });
    await expectAccessible(page, 'membership form');
    await screenshots(page, 'membership-form');

    await fillPayer(page);
    await page.getByRole('button', { name: 'Ajouter un membre' }).click();
    const second = page.getByRole('group', { name: 'Membre 2' });
    expect(await second.getByLabel('Prénom').evaluate((input) => input === document.activeElement)).toBe(
      true,
    );
    await second.getByLabel('Prénom').fill('Louis');
    await second.getByLabel('Nom', { exact: true }).fill('Dubois');
    await page
      .getByRole('group', { name: 'Membre 1 : vous' })
      .getByLabel('Je souhaite cultiver une parcelle')
      .check();
    await page.getByText('Total : 30 €').waitFor();

    // A third member added then removed: the second keeps what was typed.
    await page.getByRole('button', { name: 'Ajouter un membre' }).click();
    await page.getByRole('group', { name: 'Membre 3' }).getByLabel('Prénom').fill('Inès');
    await page.getByText('Total : 45 €').waitFor();
    await page.getByRole('button', { name: 'Retirer le membre 3' }).click();
    await page.getByText('Total : 30 €').waitFor();
    expect(await second.getByLabel('Prénom').inputValue()).toBe('Louis');

    await page.getByRole('radio', { name: 'Chèque' }).check();
    await expectAccessible(page, 'membership filled');
    await page.getByRole('button', { name: 'Adhérer pour 30 €' }).click();

    await page
      .getByRole('heading', {
        name: 'Votre commande est enregistrée : elle sera confirmée à réception de votre paiement.',
      })
      .waitFor();
    await page.getByText('Les Amis du Jardin partagé', { exact: true }).waitFor();
    await expectAccessible(page, 'offline instructions');
    await screenshots(page, 'membership-offline-instructions');
    const [order] = await host.orders();
    expect(order).toMatchObject({ status: 'pending', total: 3000, provider: 'offline' });
    expect(order?.request.kind === 'membership' && order.request.membership.members).toEqual([
      { firstName: 'Claire', lastName: 'Dubois', fields: { parcelle: true } },
      { firstName: 'Louis', lastName: 'Dubois', fields: { parcelle: false } },
    ]);
  } finally {
    await close();
  }
});

test('pay what you can, out of range then corrected: errors are linked to the field and announced', async () => {
  const { page, close } = await guardedPage(browser);
  try {
    await page.goto(url);
    await page.getByText('Adhésion solidaire', { exact: true }).click();
    const price = page.getByLabel('Montant de votre adhésion');
    expect(await price.inputValue()).toBe('10');
    await price.fill('40');
    await page.getByRole('button', { name: /^(Adhérer|Continuer)/ }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'Certains champs sont à corriger' });
    await summary.waitFor();
    expect(await summary.evaluate((box) => box === document.activeElement)).toBe(true);
    expect(await price.getAttribute('aria-invalid')).toBe('true');
    const described = await price.getAttribute('aria-describedby');
    const messages = await page.evaluate(
      (ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent?.replace(/\s+/g, ' ')),
      described ?? '',
    );
    expect(messages).toContain('Montant de votre adhésion : le montant maximum est de 15,00 €.');
    await expectAccessible(page, 'errors shown');

    await summary.getByRole('link', { name: /E-mail/ }).click();
    expect(await page.getByLabel('E-mail').evaluate((input) => input === document.activeElement)).toBe(true);
    await price.fill('12');
    await fillPayer(page);
    await page.getByRole('button', { name: 'Adhérer pour 12 €' }).click();
    await payByTestCard(page, '4242 4242 4242 4242');
    await page.getByRole('heading', { name: 'Merci ! Votre paiement de 12 € est confirmé.' }).waitFor();
  } finally {
    await close();
  }
});
