import type { Browser } from 'playwright-core';
import type { FormConfig } from '../../../backend-adapter/src/protocol';
import { expectAccessible } from '../support/axe';
import { guardedPage, launchChromium } from '../support/browser';
import { startJourneyHost, type JourneyHost } from '../support/journey-host';
import { ticketsForm } from '../support/forms';
import { CLAIRE, fillPayer, payByTestCard } from '../support/journey';
import { element, widgetPage } from '../support/pages';
import { screenshots } from '../support/screenshots';

let browser: Browser;
let host: JourneyHost;

/** A second event with few seats, so a race for the last ones can be played. */
function smallHall(): FormConfig {
  const form = ticketsForm('atelier');
  if (form.kind !== 'tickets') throw new Error('tickets form expected');
  form.tickets.types = [
    { id: 'place', name: 'Place', price: 800, quota: 2 },
    { id: 'debout', name: 'Debout', price: 500 },
  ];
  form.tickets.attendeeNames = false;
  return form;
}

function soldOutEvent(): FormConfig {
  const form = smallHall();
  form.id = 'complet';
  if (form.kind === 'tickets') form.tickets.types = [{ id: 'place', name: 'Place', price: 800, quota: 0 }];
  return form;
}

const pageFor = (form: string, title: string) =>
  host.page(
    `/${form}`,
    widgetPage({
      assets: host.widgets,
      title,
      body: element('guichet-tickets', { base: host.base(), form }),
    }),
  );

beforeAll(async () => {
  browser = await launchChromium();
  host = await startJourneyHost({
    forms: [ticketsForm(), smallHall(), soldOutEvent()],
  });
});
afterAll(async () => {
  await host?.close();
  await browser?.close();
});

test('buy three tickets with a promo code: steppers, live availability, one name per ticket, discount applied', async () => {
  const { page, close } = await guardedPage(browser);
  try {
    await page.goto(pageFor('concert', 'Billetterie'));
    const vip = page.getByRole('spinbutton', { name: 'Premier rang' });
    await vip.waitFor({ state: 'attached' });
    expect(await vip.isDisabled()).toBe(true);
    await page.getByText('40 places restantes').waitFor();
    await page.getByText('Complet', { exact: false }).first().waitFor();
    await expectAccessible(page, 'tickets form');
    await screenshots(page, 'tickets-form');

    const more = (name: string) => page.getByRole('button', { name: `Un billet « ${name} » de plus` });
    await more('Plein tarif').click();
    await more('Plein tarif').click();
    await more('Tarif réduit').click();
    expect(await page.getByRole('spinbutton', { name: 'Plein tarif' }).inputValue()).toBe('2');
    await page.getByText('Total : 40 €').waitFor();

    const attendees = page.getByRole('group', { name: 'Participants' });
    const seats = ['Billet 1 : Plein tarif', 'Billet 2 : Plein tarif', 'Billet 3 : Tarif réduit'];
    const names = [
      ['Claire', 'Dubois'],
      ['Louis', 'Dubois'],
      ['Inès', 'Martin'],
    ];
    for (const [index, seat] of seats.entries()) {
      const group = attendees.getByRole('group', { name: seat });
      await group.getByLabel('Prénom').fill(names[index]?.[0] ?? '');
      await group.getByLabel('Nom', { exact: true }).fill(names[index]?.[1] ?? '');
    }
    await page.getByLabel('Code promo').fill('ADHERENT');
    await page.getByLabel('E-mail').fill(CLAIRE.email);
    await page.getByRole('group', { name: 'Vos coordonnées' }).getByLabel('Prénom').fill(CLAIRE.firstName);
    await page
      .getByRole('group', { name: 'Vos coordonnées' })
      .getByLabel('Nom', { exact: true })
      .fill(CLAIRE.lastName);
    await expectAccessible(page, 'tickets filled');
    await page.getByRole('button', { name: 'Payer 40 €' }).click();

    await page.getByRole('heading', { name: 'Paiement' }).waitFor();
    await page.getByRole('row', { name: /Code promo ADHERENT/ }).waitFor();
    await page.getByRole('button', { name: 'Payer 32 €' }).waitFor();
    await screenshots(page, 'tickets-payment');
    await payByTestCard(page, '4242 4242 4242 4242');
    await page.getByRole('heading', { name: 'Merci ! Votre paiement de 32 € est confirmé.' }).waitFor();
    await page.getByRole('heading', { name: 'Vos billets' }).waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: 'Inès Martin' }).count()).toBe(1);
    await expectAccessible(page, 'tickets confirmation');
    await screenshots(page, 'tickets-confirmation');
    const [order] = await host.orders();
    expect(order).toMatchObject({ status: 'paid', total: 3200 });
    expect(order?.tickets).toHaveLength(3);
  } finally {
    await close();
  }
});

test('sold out: a form with no seat left says so; seats taken meanwhile are refused and shown as gone', async () => {
  const { page, close } = await guardedPage(browser);
  try {
    await page.goto(pageFor('complet', 'Atelier complet'));
    await page.getByText('Complet : il ne reste plus de place.').waitFor();
    expect(await page.getByRole('button').count()).toBe(0);
    await expectAccessible(page, 'sold-out form');

    await page.goto(pageFor('atelier', 'Atelier'));
    await page.getByText('2 places restantes').waitFor();
    await page.getByRole('button', { name: 'Un billet « Place » de plus' }).click();
    await page.getByRole('button', { name: 'Un billet « Place » de plus' }).click();
    await fillPayer(page);

    // Someone else takes both seats while this payer is typing.
    await host.createOrder('atelier', {
      kind: 'tickets',
      locale: 'fr',
      payment: { provider: 'simulation' },
      payer: { email: 'rapide@example.org', firstName: 'Rapide', lastName: 'Premier' },
      tickets: { items: [{ typeId: 'place', quantity: 2 }] },
    });

    await page.getByRole('button', { name: 'Payer 16 €' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Certains champs sont à corriger' });
    await summary.waitFor();
    await summary.getByText(/complet pour « Place »/).waitFor();
    await page.getByText('8 € · Complet').waitFor();
    const place = page.getByRole('spinbutton', { name: 'Place' });
    expect(await place.isDisabled()).toBe(true);
    await page
      .locator('[data-field="tickets.items.0.quantity"] .g-error')
      .getByText(/complet pour « Place »/)
      .waitFor();
    expect(await page.getByLabel('E-mail').inputValue()).toBe(CLAIRE.email);
    await expectAccessible(page, 'seats gone');
    expect(
      (await host.orders()).filter(
        (order) => order.formId === 'atelier' && order.request.payer.email === CLAIRE.email,
      ),
    ).toHaveLength(0);
  } finally {
    await close();
  }
});
