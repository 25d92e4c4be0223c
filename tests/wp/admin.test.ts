// The treasurer's side in a real wp-admin: settings that never give a secret back, the orders list with its
// search, an order refunded from its detail page, and the CSV export. Every action needs the capability.
import { inputValue, logIn, type AdminSession } from './admin-session';
import type { WordPressSite } from './wp-server';
import { call, configure, phpProblems, saveForm, startGuichet, ticketsForm, type Json } from './guichet-site';

jest.setTimeout(180_000);

const SECRET = 'sk_test_51VerySecretKeyThatMustNeverLeak9876';
const WEBHOOK = 'whsec_AnotherSecretThatMustNeverLeak1234';

let site: WordPressSite;
let admin: AdminSession;
let paidOrder: string;

beforeAll(async () => {
  site = await startGuichet();
  await configure(site, {
    stripe: { testPublishableKey: 'pk_test_51Public', testSecretKey: SECRET, webhookSecret: WEBHOOK },
  });
  await saveForm(site, ticketsForm('gala', { plein: 10 }));
  const created = await call(site, 'POST', '/forms/gala/orders', {
    kind: 'tickets',
    locale: 'fr',
    payment: { provider: 'simulation' },
    payer: { email: 'margot.leroy@example.fr', firstName: 'Margot', lastName: '=Leroy' },
    tickets: { items: [{ typeId: 'plein', quantity: 2 }] },
  });
  const { order, next } = created.body as { order: Json; next: Json };
  await call(site, 'POST', `/simulation/${order.id as string}/confirm`, {
    clientSecret: next.clientSecret,
    card: '4242424242424242',
  });
  paidOrder = order.id as string;
  admin = await logIn(site);
});

afterAll(async () => {
  await site?.stop();
});

test('the settings page shows secrets masked, never in full, and the exact webhook URL to paste', async () => {
  const page = await admin.get('/wp-admin/admin.php?page=guichet-settings');
  expect(page.status).toBe(200);
  expect(page.text).not.toContain(SECRET);
  expect(page.text).not.toContain(WEBHOOK);
  expect(page.text).toContain('sk_test_••••9876');
  expect(page.text).toContain('whsec_••••1234');
  expect(page.text).toContain(`value="${site.url}/wp-json/guichet/v1/webhooks/stripe"`);
});

test('secrets reach no public answer, no REST settings and no log', async () => {
  const responses = [
    await (await fetch(`${site.api}/forms/gala`)).text(),
    await (
      await fetch(`${site.url}/wp-json/wp/v2/settings`, { headers: { Authorization: site.auth } })
    ).text(),
    await (await fetch(`${site.url}/wp-json/`)).text(),
    site.debugLog(),
  ];
  for (const text of responses) {
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(WEBHOOK);
  }
});

test('saving the settings form keeps the stored secret when its field is left empty, and refuses a mislabelled key', async () => {
  const page = await admin.get('/wp-admin/admin.php?page=guichet-settings');
  const saved = await admin.post('/wp-admin/options.php', {
    option_page: 'guichet',
    action: 'update',
    _wpnonce: inputValue(page.text, '_wpnonce'),
    _wp_http_referer: '/wp-admin/admin.php?page=guichet-settings',
    'guichet_settings[organization][name]': 'Les Amis du Jardin partagé',
    'guichet_settings[stripe][testPublishableKey]': 'pk_test_51Public',
    'guichet_settings[stripe][testSecretKey]': '',
    'guichet_settings[stripe][liveSecretKey]': 'sk_test_put_in_the_live_slot',
    'guichet_settings[simulation]': '1',
    'guichet_settings[rateLimit]': '0',
  });
  expect(saved.status).toBe(302);
  const stored = JSON.parse(await site.php(`echo wp_json_encode(get_option('guichet_settings'));`)) as {
    organization: Json;
    stripe: Json;
    simulation: boolean;
  };
  expect(stored.organization.name).toBe('Les Amis du Jardin partagé');
  expect(stored.stripe.testSecretKey).toBe(SECRET);
  expect(stored.stripe.webhookSecret).toBe(WEBHOOK);
  expect(stored.stripe.liveSecretKey).toBe('');
  expect(stored.simulation).toBe(true);
  const redirect = new URL(saved.headers.get('location') ?? '', site.url);
  const after = await admin.get(redirect.pathname + redirect.search);
  expect(after.text).toContain('liveSecretKey was not saved: it should start with sk_live_ / rk_live_.');
});

test('the orders list finds the order by name, and its detail page refunds it', async () => {
  const list = await admin.get('/wp-admin/admin.php?page=guichet&s=margot');
  expect(list.status).toBe(200);
  expect(list.text).toContain(paidOrder);
  const none = await admin.get('/wp-admin/admin.php?page=guichet&s=nobody-here');
  expect(none.text).not.toContain(paidOrder);
  const refundedFilter = await admin.get('/wp-admin/admin.php?page=guichet&status=refunded');
  expect(refundedFilter.text).not.toContain(paidOrder);

  const detail = await admin.get(`/wp-admin/admin.php?page=guichet&order=${paidOrder}`);
  expect(detail.text).toContain('Margot');
  const refund = await admin.post('/wp-admin/admin-post.php', {
    action: 'guichet_order_action',
    operation: 'refund',
    order: paidOrder,
    _wpnonce: inputValue(detail.text, '_wpnonce'),
  });
  expect(refund.status).toBe(302);
  expect(refund.headers.get('location')).toContain('guichet_done=refund');
  const order = JSON.parse(
    await site.php(
      `echo wp_json_encode(Guichet\\WordPress\\Site::get()->storage->findOrder('${paidOrder}'));`,
    ),
  ) as Json;
  expect(order.status).toBe('refunded');
  // The refund gave the seats back.
  const form = await call(site, 'GET', '/forms/gala');
  expect((form.body.tickets as { types: { available: number }[] }).types[0]?.available).toBe(10);
  expect(phpProblems(site)).toEqual([]);
});

test('the CSV export lists orders with decimal amounts and neutralised formulas', async () => {
  const list = await admin.get('/wp-admin/admin.php?page=guichet');
  const exportUrl =
    list.text.match(/href="([^"]*action=guichet_export_csv[^"]*)"/)?.[1]?.replace(/&#038;|&amp;/g, '&') ?? '';
  const csv = await admin.get(new URL(exportUrl).pathname + new URL(exportUrl).search);
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toContain('text/csv');
  const lines = csv.text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n');
  expect(lines[0]).toBe(
    'order,created_at,status,kind,form,first_name,last_name,email,total,refunded,currency,provider,reference',
  );
  const row = lines.find((line) => line.startsWith(paidOrder)) ?? '';
  expect(row).toContain(",'=Leroy,");
  expect(row).toContain(',30.00,30.00,EUR,simulation');
});

test('without the capability, back-office actions are refused', async () => {
  const anonymous = await fetch(`${site.url}/wp-admin/admin-post.php`, {
    method: 'POST',
    body: new URLSearchParams({ action: 'guichet_order_action', operation: 'refund', order: paidOrder }),
    redirect: 'manual',
  });
  expect(anonymous.status).not.toBe(302);
  await site.php(
    `wp_insert_user(['user_login' => 'editor1', 'user_pass' => 'editor-pass', 'role' => 'editor', 'user_email' => 'e@example.fr']);`,
  );
  const editor = await logIn(site, 'editor1', 'editor-pass');
  const page = await editor.get('/wp-admin/admin.php?page=guichet-settings');
  expect(page.text).not.toContain('sk_test_');
  expect(page.status).toBeGreaterThanOrEqual(400);
  const csv = await editor.get('/wp-admin/admin-post.php?action=guichet_export_csv');
  expect(csv.text).not.toContain(paidOrder);
});
