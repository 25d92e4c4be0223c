import type { Browser } from 'playwright-core';
import { startStripeEmulator, type StripeEmulator } from '../../../backend-adapter/testing/stripe-emulator';
import { expectAccessible } from '../support/axe';
import { guardedPage, launchChromium } from '../support/browser';
import { startFakeHost, type FakeHost } from '../support/fake-host/host';
import { serveFakeStripe } from '../support/fake-stripe/route';
import { donationForm, membershipForm, ticketsForm } from '../support/forms';
import { fillPayer } from '../support/journey';
import { element, widgetPage } from '../support/pages';
import { screenshots } from '../support/screenshots';

let browser: Browser;
let emulator: StripeEmulator;
const hosts: FakeHost[] = [];

const sites = new Map<string, FakeHost>();

/** One site per Stripe integration: each has its own test keys, hence its own emulated account and webhook. */
async function stripeSite(uiMode: 'embedded_page' | 'elements', secretKey: string) {
  const known = sites.get(secretKey);
  if (known) return known;
  const host = await startFakeHost({
    forms: [
      donationForm('don', ['stripe']),
      membershipForm('adhesion', ['stripe']),
      ticketsForm('concert', ['stripe']),
    ],
    settings: {
      stripe: {
        secretKey,
        publishableKey: 'pk_test_guichet_journeys',
        webhookSecret: emulator.webhookSecret,
        uiMode,
        apiBase: emulator.url,
      },
    },
  });
  emulator.setWebhook({ url: `${host.base}/webhooks/stripe` }, emulator.accountIdFor(secretKey));
  hosts.push(host);
  sites.set(secretKey, host);
  return host;
}

beforeAll(async () => {
  browser = await launchChromium();
  emulator = await startStripeEmulator();
});
afterAll(async () => {
  for (const host of hosts) await host.close();
  await emulator?.close();
  await browser?.close();
});

test('donate once through Stripe’s embedded page: Stripe.js loads only at payment, the return shows the paid order', async () => {
  const host = await stripeSite('embedded_page', 'sk_test_guichet_embedded');
  const url = host.page(
    '/don',
    widgetPage({
      title: 'Faire un don',
      body: element('guichet-donation', { base: host.base, form: 'don' }),
    }),
  );
  const { page, close } = await guardedPage(browser);
  try {
    const served = await serveFakeStripe(page, emulator.url);
    await page.goto(url);
    await page.getByText('50 €', { exact: true }).click();
    await fillPayer(page);
    expect(served).toEqual([]);
    await page.getByRole('button', { name: 'Donner 50 €' }).click();

    await page.getByRole('heading', { name: 'Paiement' }).waitFor();
    await page.getByTestId('stripe-embedded').waitFor();
    expect(served).toEqual(['https://js.stripe.com/endive/stripe.js']);
    await expectAccessible(page, 'Stripe embedded page');
    await page.getByLabel('Numéro de carte (Stripe de test)').fill('4242 4242 4242 4242');
    await page.getByTestId('stripe-pay').click();

    await page.waitForURL(/guichet_order=/);
    await page.getByRole('heading', { name: 'Merci ! Votre paiement de 50 € est confirmé.' }).waitFor();
    await expectAccessible(page, 'back from Stripe');
    const [order] = [...host.store.orders.values()];
    expect(order?.status).toMatchObject({ status: 'paid', total: 5000, provider: 'stripe' });
  } finally {
    await close();
  }
});

test('tickets with Stripe Elements: a declined card, then a good one, in the widget’s own payment step', async () => {
  const host = await stripeSite('elements', 'sk_test_guichet_elements');
  const url = host.page(
    '/concert',
    widgetPage({
      title: 'Billetterie',
      body: element('guichet-tickets', { base: host.base, form: 'concert' }),
    }),
  );
  const { page, close } = await guardedPage(browser);
  try {
    await serveFakeStripe(page, emulator.url);
    await page.goto(url);
    await page.getByRole('button', { name: 'Un billet « Tarif réduit » de plus' }).click();
    await page.getByRole('group', { name: 'Billet 1 : Tarif réduit' }).getByLabel('Prénom').fill('Inès');
    await page
      .getByRole('group', { name: 'Billet 1 : Tarif réduit' })
      .getByLabel('Nom', { exact: true })
      .fill('Martin');
    await page.getByLabel('E-mail').fill('ines@example.org');
    await page.getByRole('group', { name: 'Vos coordonnées' }).getByLabel('Prénom').fill('Inès');
    await page
      .getByRole('group', { name: 'Vos coordonnées' })
      .getByLabel('Nom', { exact: true })
      .fill('Martin');
    await page.getByRole('button', { name: 'Payer 10 €' }).click();

    const card = page.getByLabel('Numéro de carte (Stripe de test)');
    await card.waitFor();
    await expectAccessible(page, 'Stripe Payment Element');
    await screenshots(page, 'tickets-stripe-elements');
    await card.fill('4000 0000 0000 0002');
    await page.getByRole('button', { name: 'Payer 10 €' }).click();
    await page.getByRole('alert').filter({ hasText: 'Votre carte a été refusée.' }).waitFor();
    await expectAccessible(page, 'Stripe declined');

    await card.fill('4242 4242 4242 4242');
    await page.getByRole('button', { name: 'Payer 10 €' }).click();
    await page.getByRole('heading', { name: 'Merci ! Votre paiement de 10 € est confirmé.' }).waitFor();
    await page.getByRole('heading', { name: 'Vos billets' }).waitFor();
    const [order] = [...host.store.orders.values()];
    expect(order?.status).toMatchObject({ status: 'paid', total: 1000, provider: 'stripe' });
  } finally {
    await close();
  }
});

test('donate monthly through Stripe (a subscription): the status page says the regular gift is set up', async () => {
  const host = await stripeSite('embedded_page', 'sk_test_guichet_embedded');
  const url = host.page(
    '/don',
    widgetPage({
      title: 'Faire un don',
      body: element('guichet-donation', { base: host.base, form: 'don' }),
    }),
  );
  const { page, close } = await guardedPage(browser);
  try {
    await serveFakeStripe(page, emulator.url);
    await page.goto(url);
    await page.getByText('Tous les mois', { exact: true }).click();
    await page.getByText('20 € par mois', { exact: true }).click();
    await fillPayer(page);
    await page.getByRole('button', { name: 'Donner 20 € par mois' }).click();
    await page.getByLabel('Numéro de carte (Stripe de test)').fill('4242 4242 4242 4242');
    await page.getByTestId('stripe-pay').click();
    await page
      .getByRole('heading', { name: 'Merci ! Votre soutien régulier de 20 € par mois est en place.' })
      .waitFor();
    const order = [...host.store.orders.values()].at(-1);
    expect(order?.status).toMatchObject({ status: 'paid', total: 2000, recurring: { interval: 'month' } });
  } finally {
    await close();
  }
});

test('join with two members through Stripe Elements', async () => {
  const host = await stripeSite('elements', 'sk_test_guichet_elements');
  const url = host.page(
    '/adhesion',
    widgetPage({
      title: 'Adhérer',
      body: element('guichet-membership', { base: host.base, form: 'adhesion' }),
    }),
  );
  const { page, close } = await guardedPage(browser);
  try {
    await serveFakeStripe(page, emulator.url);
    await page.goto(url);
    await fillPayer(page);
    await page.getByRole('button', { name: 'Ajouter un membre' }).click();
    const second = page.getByRole('group', { name: 'Membre 2' });
    await second.getByLabel('Prénom').fill('Louis');
    await second.getByLabel('Nom', { exact: true }).fill('Dubois');
    await page.getByRole('button', { name: 'Adhérer pour 30 €' }).click();
    await page.getByLabel('Numéro de carte (Stripe de test)').fill('4242 4242 4242 4242');
    await page.getByRole('button', { name: 'Payer 30 €' }).click();
    await page.getByRole('heading', { name: 'Merci ! Votre paiement de 30 € est confirmé.' }).waitFor();
    await expectAccessible(page, 'membership paid through Stripe');
    const order = [...host.store.orders.values()].at(-1);
    expect(order?.status).toMatchObject({ status: 'paid', total: 3000, provider: 'stripe' });
  } finally {
    await close();
  }
});
