// Guichet → Dashboard in a real wp-admin: this month's and this year's totals net of refunds, and the year as a
// table-based bar chart a screen reader reads as figures.
import { logIn, type AdminSession } from './admin-session';
import type { WordPressSite } from './wp-server';
import { call, phpProblems, saveForm, startGuichet, ticketsForm, type Json } from './guichet-site';

jest.setTimeout(120_000);

let site: WordPressSite;
let admin: AdminSession;

/** A simulation order of `seats` tickets at 15 €, paid by test card; returns its id. */
async function paidOrder(seats: number): Promise<string> {
  const created = await call(site, 'POST', '/forms/gala/orders', {
    kind: 'tickets',
    locale: 'fr',
    payment: { provider: 'simulation' },
    payer: { email: 'ines@example.fr', firstName: 'Inès', lastName: 'Martin' },
    tickets: { items: [{ typeId: 'plein', quantity: seats }] },
  });
  const { order, next } = created.body as { order: Json; next: Json };
  await call(site, 'POST', `/simulation/${order.id as string}/confirm`, {
    clientSecret: next.clientSecret,
    card: '4242424242424242',
  });
  return order.id as string;
}

beforeAll(async () => {
  site = await startGuichet();
  await saveForm(site, ticketsForm('gala', { plein: 50 }));
  admin = await logIn(site);
});

afterAll(async () => {
  await site?.stop();
});

test('an empty year says nothing was received yet', async () => {
  const page = await admin.get('/wp-admin/admin.php?page=guichet-dashboard');
  expect(page.status).toBe(200);
  expect(page.text).toContain('Nothing received yet this year.');
});

test('paid orders add up for the month and the year, a refund comes off, an unpaid order does not count', async () => {
  await paidOrder(2);
  const refunded = await paidOrder(1);
  await site.php(
    `Guichet\\Adapter\\Orders\\BackOffice::refund(Guichet\\WordPress\\Site::get()->orders(), ${JSON.stringify(refunded)});`,
  );
  await call(site, 'POST', '/forms/gala/orders', {
    kind: 'tickets',
    locale: 'fr',
    payment: { provider: 'simulation' },
    payer: { email: 'late@example.fr', firstName: 'Paul', lastName: 'Pending' },
    tickets: { items: [{ typeId: 'plein', quantity: 4 }] },
  });

  const page = await admin.get('/wp-admin/admin.php?page=guichet-dashboard');
  const text = page.text.replace(/\s+/g, ' ');
  expect(text).toMatch(/<strong>This month<\/strong> €30\.00 <span>\(2 orders\)<\/span>/);
  expect(text).toMatch(/<strong>This year<\/strong> €30\.00 <span>\(2 orders\)<\/span>/);
  expect(text).toContain(
    `<caption>Received per month in ${new Date().getUTCFullYear()} (EUR, net of refunds)</caption>`,
  );
  const month = new Date().toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  expect(text).toContain(`<th scope="row">${month}</th><td>€30.00</td>`);
  expect(phpProblems(site)).toEqual([]);
});
