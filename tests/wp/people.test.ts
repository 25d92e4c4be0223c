// Guichet → Members and Guichet → Attendees in a real wp-admin: one row per member or ticket of a paid order,
// filtered by form, searched by name, e-mail or ticket code, 20 per page; unpaid orders bring nobody.
import { logIn, type AdminSession } from './admin-session';
import type { WordPressSite } from './wp-server';
import { call, example, phpProblems, saveForm, startGuichet, ticketsForm, type Json } from './guichet-site';

jest.setTimeout(120_000);

let site: WordPressSite;
let admin: AdminSession;

async function order(formId: string, request: Json, pay = true): Promise<Json> {
  const created = await call(site, 'POST', `/forms/${formId}/orders`, {
    locale: 'fr',
    payment: { provider: 'simulation' },
    ...request,
  });
  expect(created.status).toBe(201);
  const { order, next } = created.body as { order: Json; next: Json };
  if (pay) {
    const paid = await call(site, 'POST', `/simulation/${order.id as string}/confirm`, {
      clientSecret: next.clientSecret,
      card: '4242424242424242',
    });
    return paid.body.order as Json;
  }
  return order;
}

const names = (html: string): string[] =>
  [...html.matchAll(/<td class='name column-name[^']*'[^>]*>([^<]*)</g)].map((match) => match[1] ?? '');

beforeAll(async () => {
  site = await startGuichet();
  const membership = example<Json>('form-config.membership');
  await saveForm(site, { ...membership, id: 'adhesion', payment: { providers: ['simulation'] } });
  await saveForm(site, ticketsForm('gala', { plein: 40 }));
  await saveForm(site, ticketsForm('atelier', { plein: 10 }));
  const household = (membership.membership as { tiers: Json[] }).tiers.find((tier) => tier.per === 'order');
  await order('adhesion', {
    kind: 'membership',
    payer: { email: 'claire@example.fr', firstName: 'Claire', lastName: 'Dubois' },
    membership: {
      tierId: (household ?? (membership.membership as { tiers: Json[] }).tiers[0])?.id,
      members: [
        { firstName: 'Claire', lastName: 'Dubois' },
        { firstName: 'Louis', lastName: 'Dubois' },
      ].slice(0, household ? 2 : 1),
    },
  });
  await order(
    'adhesion',
    {
      kind: 'membership',
      payer: { email: 'pending@example.fr', firstName: 'Paul', lastName: 'Pending' },
      membership: {
        tierId: (membership.membership as { tiers: Json[] }).tiers[0]?.id,
        members: [{ firstName: 'Paul', lastName: 'Pending' }],
      },
    },
    false,
  );
  for (let i = 0; i < 3; i++) {
    await order('gala', {
      kind: 'tickets',
      payer: { email: `buyer${i}@example.fr`, firstName: 'Buyer', lastName: `Number${i}` },
      tickets: { items: [{ typeId: 'plein', quantity: 8 }] },
    });
  }
  await order('atelier', {
    kind: 'tickets',
    payer: { email: 'ines@example.fr', firstName: 'Inès', lastName: 'Martin' },
    tickets: { items: [{ typeId: 'plein', quantity: 1 }] },
  });
  admin = await logIn(site);
});

afterAll(async () => {
  await site?.stop();
});

test('members of paid membership orders are listed; an unpaid one brings nobody', async () => {
  const page = await admin.get('/wp-admin/admin.php?page=guichet-members');
  expect(page.status).toBe(200);
  expect(names(page.text)).toContain('Claire Dubois');
  expect(page.text).not.toContain('Pending');
  const search = await admin.get('/wp-admin/admin.php?page=guichet-members&s=claire%40example.fr');
  expect(names(search.text)).toContain('Claire Dubois');
  const none = await admin.get('/wp-admin/admin.php?page=guichet-members&s=nobody');
  expect(none.text).toContain('No member yet.');
});

test('attendees: 25 tickets on two pages of 20, a filter by form, a search by ticket code', async () => {
  const first = await admin.get('/wp-admin/admin.php?page=guichet-attendees');
  expect(first.text).toContain('25 items');
  expect(names(first.text)).toHaveLength(20);
  const second = await admin.get('/wp-admin/admin.php?page=guichet-attendees&paged=2');
  expect(names(second.text)).toHaveLength(5);

  const atelier = await admin.get('/wp-admin/admin.php?page=guichet-attendees&form=atelier');
  expect(names(atelier.text)).toEqual(['Inès Martin']);
  const code = atelier.text.match(/<td class='code column-code[^']*'[^>]*><code>([^<]+)<\/code>/)?.[1] ?? '';
  expect(code).not.toBe('');
  const byCode = await admin.get(`/wp-admin/admin.php?page=guichet-attendees&s=${encodeURIComponent(code)}`);
  expect(names(byCode.text)).toEqual(['Inès Martin']);
  expect(phpProblems(site)).toEqual([]);
});
