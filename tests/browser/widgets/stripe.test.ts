import type { Browser } from 'playwright-core';
import { startStripeEmulator, type StripeEmulator } from '../../../backend-adapter/testing/stripe-emulator';
import { expectAccessible } from '../support/axe';
import { guardedPage, launchChromium } from '../support/browser';
import { startJourneyHost, type JourneyHost } from '../support/journey-host';
import { serveFakeStripe } from '../support/fake-stripe/route';
import { donationForm, membershipForm, ticketsForm } from '../support/forms';
import { fillPayer } from '../support/journey';
import { element, widgetPage } from '../support/pages';
import { screenshots } from '../support/screenshots';

let browser: Browser;
let emulator: StripeEmulator;
let host: JourneyHost;

/** One site per Stripe integration: each has its own test keys, hence its own emulated account and webhook. */
const SITES = {
  embedded: { uiMode: 'embedded_page', secretKey: 'sk_test_guichet_embedded' },
  elements: { uiMode: 'elements', secretKey: 'sk_test_guichet_elements' },
} as const;

beforeAll(async () => {
  browser = await launchChromium();
  emulator = await startStripeEmulator();
  const forms = () => [
    donationForm('don', ['stripe']),
    membershipForm('adhesion', ['stripe']),
    ticketsForm('concert', ['stripe']),
  ];
  host = await startJourneyHost({
    forms: [],
    stripe: Object.entries(SITES).map(([id, site]) => ({
      id,
      ...site,
      webhookSecret: emulator.webhookSecret,
      apiBase: emulator.url,
      forms: forms(),
    })),
  });
  for (const [id, site] of Object.entries(SITES)) {
    emulator.setWebhook({ url: `${host.base(id)}/webhooks/stripe` }, emulator.accountIdFor(site.secretKey));
  }
});
afterAll(async () => {
  await host?.close();
  await emulator?.close();
  await browser?.close();
});

test('donate once through Stripe’s embedded page: Stripe.js loads only at payment, the return shows the paid order', async () => {
  const site = 'embedded';
  const url = host.page(
    '/don',
    widgetPage({
      assets: host.widgets,
      title: 'Faire un don',
      body: element('guichet-donation', { base: host.base(site), form: 'don' }),
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

    // Stripe sends the payer back with its session id; the widget finds the order it left with.
    await page.waitForURL(/session_id=/);
    // Paid once the host has applied Stripe's webhook; the status page keeps asking until then.
    await page
      .getByRole('heading', { name: 'Merci ! Votre paiement de 50 € est confirmé.' })
      .waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'back from Stripe');
    const [order] = await host.orders(site);
    expect(order).toMatchObject({ status: 'paid', total: 5000, provider: 'stripe' });
  } finally {
    await close();
  }
});

test('tickets with Stripe Elements: a declined card, then a good one, in the widget’s own payment step', async () => {
  const site = 'elements';
  const url = host.page(
    '/concert',
    widgetPage({
      assets: host.widgets,
      title: 'Billetterie',
      body: element('guichet-tickets', { base: host.base(site), form: 'concert' }),
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
    const [order] = await host.orders(site);
    expect(order).toMatchObject({ status: 'paid', total: 1000, provider: 'stripe' });
  } finally {
    await close();
  }
});

test('donate monthly through Stripe (a subscription): the status page says the regular gift is set up', async () => {
  const site = 'embedded';
  const url = host.page(
    '/don',
    widgetPage({
      assets: host.widgets,
      title: 'Faire un don',
      body: element('guichet-donation', { base: host.base(site), form: 'don' }),
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
    const order = (await host.orders(site)).at(-1);
    expect(order).toMatchObject({ status: 'paid', total: 2000, recurring: { interval: 'month' } });
  } finally {
    await close();
  }
});

test('join with two members through Stripe Elements', async () => {
  const site = 'elements';
  const url = host.page(
    '/adhesion',
    widgetPage({
      assets: host.widgets,
      title: 'Adhérer',
      body: element('guichet-membership', { base: host.base(site), form: 'adhesion' }),
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
    const order = (await host.orders(site)).at(-1);
    expect(order).toMatchObject({ status: 'paid', total: 3000, provider: 'stripe' });
  } finally {
    await close();
  }
});
