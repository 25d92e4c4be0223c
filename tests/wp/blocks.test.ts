// The blocks in a real WordPress: a page saved through the REST API (as the editor does) stores each block's
// form under its stable id, the public page prints the widget with its no-JS form, and the form keeps its
// orders when the page is edited or the block is placed on a second page.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FormatRegistry } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { FormConfig } from '../../backend-adapter/src/protocol';
import { ensureBlocksBuilt } from './build-blocks';
import type { WordPressSite } from './wp-server';
import { call, phpProblems, startGuichet, type Json } from './guichet-site';

jest.setTimeout(180_000);

if (!FormatRegistry.Has('date-time')) {
  FormatRegistry.Set('date-time', (value) => !Number.isNaN(Date.parse(value)));
}

let site: WordPressSite;

const ticketsBlock = (formId: string, quota: number, title = 'Concert de Noël') =>
  `<!-- wp:guichet/tickets ${JSON.stringify({
    formId,
    config: {
      title,
      description: '',
      currency: 'EUR',
      coverFees: false,
      offlineMethods: [],
      tickets: {
        event: { startsAt: '2030-12-12T20:00', location: 'Salle des fêtes' },
        types: [{ id: 'plein', name: 'Plein tarif', price: 1500, quota }],
        maxPerOrder: 10,
        attendeeNames: false,
        promoCodes: [{ code: 'ADHERENT', discount: { type: 'percent', percentBps: 2000 } }],
      },
    },
  })} /-->`;

const donationBlock = (formId: string) =>
  `<!-- wp:guichet/donation ${JSON.stringify({ formId, config: { title: 'Soutenez-nous', donation: { presets: [1000, 2500] } } })} /-->`;

async function savePage(slug: string, content: string, id?: number): Promise<number> {
  const response = await fetch(`${site.url}/wp-json/wp/v2/pages${id ? `/${id}` : ''}`, {
    method: 'POST',
    headers: { Authorization: site.auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: slug, slug, status: 'publish', content }),
  });
  const body = (await response.json()) as Json;
  if (response.status >= 300) throw new Error(`saving ${slug}: ${response.status} ${JSON.stringify(body)}`);
  return body.id as number;
}

beforeAll(async () => {
  await ensureBlocksBuilt();
  site = await startGuichet();
});

afterAll(async () => {
  await site?.stop();
});

test('saving a page stores each block as a form under its id, valid for the protocol', async () => {
  await savePage('billetterie', ticketsBlock('concert-2030', 40) + donationBlock('don-2030'));
  const tickets = await call(site, 'GET', '/forms/concert-2030?locale=fr');
  expect(tickets.status).toBe(200);
  expect(tickets.body).toMatchObject({
    kind: 'tickets',
    title: 'Concert de Noël',
    tickets: { types: [{ id: 'plein', price: 1500, available: 40 }], hasPromoCodes: true },
  });
  expect(JSON.stringify(tickets.body)).not.toContain('ADHERENT');
  for (const id of ['concert-2030', 'don-2030']) {
    const stored = JSON.parse(
      await site.php(`echo wp_json_encode(Guichet\\WordPress\\Site::get()->forms->findForm('${id}'));`),
    );
    expect([...Value.Errors(FormConfig, stored)].map((e) => `${e.path} ${e.message}`)).toEqual([]);
  }
  const donation = await call(site, 'GET', '/forms/don-2030');
  expect(donation.body).toMatchObject({ kind: 'donation', title: 'Soutenez-nous' });
  expect(phpProblems(site)).toEqual([]);
});

test('the public page prints the custom element with a labelled no-JS form inside', async () => {
  const html = await (await fetch(`${site.url}/billetterie/`)).text();
  const element = html.match(/<guichet-tickets[^>]*>[\s\S]*?<\/guichet-tickets>/)?.[0] ?? '';
  expect(element).toContain('form="concert-2030"');
  expect(element).toContain(`base="${site.url}/wp-json/guichet/v1"`);
  expect(element).toMatch(/lang="(fr|en)"/);
  expect(element).toContain(`action="${site.url}/wp-json/guichet/v1/forms/concert-2030/submit"`);
  expect(element).toContain('name="payer[email]"');
  expect(element).toContain('name="tickets[items][0][quantity]"');
  // Every visible input has a label pointing at it.
  for (const [, id] of element.matchAll(/<input id="([^"]+)" type="(?!hidden)/g)) {
    expect(element).toContain(`for="${id}"`);
  }
  expect(html).toMatch(/<script type="module" src="[^"]*assets\/widgets\/guichet\.js/);
  expect(html).toContain('<guichet-donation');
});

test('orders survive a page edit, and the same form on a second page shares its seats', async () => {
  const created = await call(site, 'POST', '/forms/concert-2030/orders', {
    kind: 'tickets',
    locale: 'fr',
    payment: { provider: 'simulation' },
    payer: { email: 'a@example.fr', firstName: 'Ana', lastName: 'Lopez' },
    tickets: { items: [{ typeId: 'plein', quantity: 3 }] },
  });
  expect(created.status).toBe(201);
  const pageId = Number(await site.php(`echo get_page_by_path('billetterie')->ID;`));
  await savePage('billetterie', ticketsBlock('concert-2030', 50, 'Concert de Noël 2030'), pageId);
  await savePage('autre-page', ticketsBlock('concert-2030', 50, 'Concert de Noël 2030'));
  const after = await call(site, 'GET', '/forms/concert-2030');
  expect(after.body).toMatchObject({
    title: 'Concert de Noël 2030',
    tickets: { types: [{ id: 'plein', available: 47 }] },
  });
});

test('the no-JS form creates the order and sends the payer back with its outcome', async () => {
  const body = new URLSearchParams({
    'tickets[items][0][typeId]': 'plein',
    'tickets[items][0][quantity]': '2',
    'payer[firstName]': 'Jo',
    'payer[lastName]': 'Martin',
    'payer[email]': 'jo@example.fr',
    locale: 'fr',
    returnTo: `${site.url}/billetterie/`,
  });
  const response = await fetch(`${site.api}/forms/concert-2030/submit`, {
    method: 'POST',
    body,
    redirect: 'manual',
  });
  expect(response.status).toBe(303);
  // Simulation without JavaScript: the site's own test-card page takes the card.
  const cardPage = new URL(response.headers.get('location') ?? '');
  expect(cardPage.pathname).toBe('/wp-admin/admin-post.php');
  const page = await (await fetch(cardPage)).text();
  expect(page).toContain('<html lang="fr">');
  expect(page).toContain('<label for="guichet-card">Numéro de carte de test</label>');
  expect(page).toMatch(/<button type="submit">Payer 30\s€<\/button>/);
  const form = new URLSearchParams(
    [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(([, name, value]) => [
      name ?? '',
      (value ?? '').replace(/&amp;/g, '&').replace(/&#038;/g, '&'),
    ]),
  );
  form.set('card', '4242 4242 4242 4242');
  const paid = await fetch(`${site.url}/wp-admin/admin-post.php`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  expect(paid.status).toBe(303);
  const location = new URL(paid.headers.get('location') ?? '');
  expect(location.pathname).toBe('/billetterie/');
  expect(location.searchParams.get('guichet_token')).toEqual(expect.any(String));
  // Back on the page, the block shows the order's status in place of the form.
  const shown = await (await fetch(location)).text();
  expect(shown).toContain('role="status"');
  expect(shown).toContain(`<code>${location.searchParams.get('guichet_order') ?? ''}</code>`);
  expect(shown).toMatch(/Your payment of €30(\.00)? is confirmed\.|Votre paiement de 30\s€ est confirmé/);
  expect(shown).not.toContain('class="guichet-fallback"');

  const invalid = await fetch(`${site.api}/forms/concert-2030/submit`, {
    method: 'POST',
    body: new URLSearchParams({ 'payer[email]': 'x', returnTo: 'https://evil.example/' }),
    redirect: 'manual',
  });
  const back = new URL(invalid.headers.get('location') ?? '');
  expect(back.origin).toBe(site.url);
  expect(back.searchParams.get('guichet')).toBe('error');
});

test('on a French site the no-JS form speaks French (the shipped translation)', async () => {
  const muPlugin = join(site.dir, 'wp-content/mu-plugins/french.php');
  writeFileSync(muPlugin, "<?php add_filter('locale', static function () { return 'fr_FR'; });\n");
  try {
    const html = await (await fetch(`${site.url}/billetterie/`)).text();
    expect(html).toContain('lang="fr"');
    expect(html).toContain('>Réserver</button>');
    expect(html).toContain('Vos coordonnées');
  } finally {
    rmSync(muPlugin);
  }
});

test('the no-JS test-card page: a declined card is announced there, 3-D Secure asks, then approving pays', async () => {
  const submitted = await fetch(`${site.api}/forms/concert-2030/submit`, {
    method: 'POST',
    body: new URLSearchParams({
      'tickets[items][0][typeId]': 'plein',
      'tickets[items][0][quantity]': '1',
      'payer[firstName]': 'Lou',
      'payer[lastName]': 'Bernard',
      'payer[email]': 'lou@example.fr',
      locale: 'en',
      returnTo: `${site.url}/billetterie/`,
    }),
    redirect: 'manual',
  });
  const cardPage = new URL(submitted.headers.get('location') ?? '');
  const fields = (html: string) =>
    new URLSearchParams(
      [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(([, name, value]) => [
        name ?? '',
        (value ?? '').replace(/&amp;|&#038;/g, '&'),
      ]),
    );
  const post = (form: URLSearchParams) =>
    fetch(`${site.url}/wp-admin/admin-post.php`, { method: 'POST', body: form, redirect: 'manual' });

  const first = fields(await (await fetch(cardPage)).text());
  first.set('card', '4000 0000 0000 0002');
  const declined = await post(first);
  expect(declined.status).toBe(200);
  const declinedPage = await declined.text();
  expect(declinedPage).toMatch(/<p role="alert">[^<]+<\/p>/);
  expect(declinedPage).toContain('<label for="guichet-card">Test card number</label>');

  const retry = fields(declinedPage);
  retry.set('card', '4000 0027 6000 3184');
  const challenge = await (await post(retry)).text();
  expect(challenge).toContain('<h1>3-D Secure check (simulation)</h1>');
  const approve = fields(challenge);
  approve.set('approve', '1');
  const paid = await post(approve);
  expect(paid.status).toBe(303);
  const shown = await (await fetch(paid.headers.get('location') ?? '')).text();
  expect(shown).toContain('role="status"');
  expect(phpProblems(site)).toEqual([]);
});
