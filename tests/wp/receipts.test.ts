// Tax receipts in a real WordPress: a donation paid by simulation with a receipt asked gets one, its number in
// GET orders/{id} and its PDF behind a signed link (what the PDF says, read back with pdf.js); a wrong token is
// 404; the treasurer finds it on Guichet → Tax receipts, in the year's CSV and zip and on the order's page,
// cancels it, checks the ledger; the settings keep what was typed and flag each problem beside its field.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { guardedPage, launchChromium } from '../browser/support/browser';
import { inputValue, logIn, type AdminSession, logInInBrowser } from './admin-session';
import { ROOT, type WordPressSite } from './wp-server';
import {
  call,
  configure,
  donationForm,
  phpProblems,
  saveForm,
  startGuichet,
  type Json,
} from './guichet-site';
import { paidDonation as give, RECEIPT_ISSUER } from './receipts-site';
import { signedReceiptLinkTests } from '../support/receipt-links';
import { RECEIPT_DONOR, RECEIPT_GIFT } from '../support/simulation-donation';

jest.setTimeout(180_000);

const ISSUER = RECEIPT_ISSUER;
const payer = RECEIPT_DONOR;

let site: WordPressSite;
let admin: AdminSession;
let orderId: string;
let receipt: { number: string; url: string };

/** A one-off donation on the 'dons' form, paid by test card. */
async function paidDonation(amount: number, taxReceipt: boolean): Promise<{ id: string; token: string }> {
  const paid = await give(site, 'dons', amount, taxReceipt);
  expect(paid.confirmed).toMatchObject({ outcome: 'succeeded', order: { status: 'paid' } });
  return paid;
}

/** The href of the first link whose URL contains `part`, decoded, as a path for the admin session. */
function link(html: string, part: string): string {
  const href = html.match(new RegExp(`href="([^"]*${part}[^"]*)"`))?.[1]?.replace(/&#038;|&amp;/g, '&');
  if (!href) throw new Error(`no link with ${part}`);
  const url = new URL(href);
  return url.pathname + url.search;
}

beforeAll(async () => {
  site = await startGuichet({}, { receipts: ISSUER });
  await saveForm(site, donationForm('dons'));
  admin = await logIn(site);
  const paid = await paidDonation(RECEIPT_GIFT.amount, true);
  orderId = paid.id;
  const status = await call(site, 'GET', `/orders/${orderId}?token=${encodeURIComponent(paid.token)}`);
  receipt = status.body.receipt as { number: string; url: string };
});

afterAll(async () => {
  await site?.stop();
});

test('a paid donation with a receipt asked gets the next number, and GET orders/{id} gives it with a signed link', () => {
  const year = new Date().getFullYear();
  expect(receipt.number).toBe(`${year}-00001`);
  expect(receipt.url).toMatch(
    new RegExp(`^${site.url}/wp-json/guichet/v1/receipts/rcp_[0-9a-f]{24}\\?token=[0-9a-f]{64}$`),
  );
});

test('the donor receives the receipt by e-mail: its number and the signed link', async () => {
  const mails = JSON.parse(await site.php(`echo wp_json_encode(get_option('guichet_tests_mails', []));`)) as {
    to: string;
    subject: string;
    message: string;
  }[];
  const mail = mails.find(
    (m) => m.to === payer.email && `${m.subject}\n${m.message}`.includes(receipt.number),
  );
  expect(mail?.message).toContain(receipt.url);
});

signedReceiptLinkTests(() => receipt, [...RECEIPT_GIFT.mentions, 'Les Amis du Jardin']);

test('a donation without a receipt asked gets none', async () => {
  const paid = await paidDonation(2000, false);
  const status = await call(site, 'GET', `/orders/${paid.id}?token=${encodeURIComponent(paid.token)}`);
  expect(status.body.receipt).toBeUndefined();
});

test('Guichet → Tax receipts lists the receipt with the year totals, and the CSV and zip exports hold it', async () => {
  const page = await admin.get('/wp-admin/admin.php?page=guichet-receipts');
  expect(page.status).toBe(200);
  expect(page.text).toContain(receipt.number);
  expect(page.text).toContain('Camille Martin');
  expect(page.text).toContain('Valid');
  expect(page.text).not.toContain('issuer settings are incomplete');
  expect(page.text).toMatch(/Total amount certified<\/th><td>[^<]*123[.,]45/);

  const csv = await admin.get(link(page.text, 'what=csv'));
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toContain('text/csv');
  expect(csv.text).toContain(receipt.number);
  expect(csv.text).toContain('camille.martin@example.fr');

  const zip = await admin.get(link(page.text, 'what=zip'));
  expect(zip.status).toBe(200);
  expect(zip.headers.get('content-type')).toBe('application/zip');
  expect(zip.text.startsWith('PK')).toBe(true);

  const pdf = await fetch(`${site.url}${link(page.text, 'what=pdf')}`);
  // Without the session cookie the download is refused (wp-admin asks to log in).
  expect(pdf.headers.get('content-type') ?? '').not.toContain('pdf');
});

test("the order's page names its receipt with a download link", async () => {
  const detail = await admin.get(`/wp-admin/admin.php?page=guichet&order=${orderId}`);
  expect(detail.text).toContain(receipt.number);
  const download = await admin.get(link(detail.text, 'what=pdf'));
  expect(download.status).toBe(200);
  expect(download.headers.get('content-type')).toBe('application/pdf');
});

test('every receipt action needs its nonce and the capability', async () => {
  const forged = await admin.post('/wp-admin/admin-post.php', {
    action: 'guichet_receipt_action',
    operation: 'cancel',
    number: receipt.number,
    _wpnonce: 'forged',
  });
  expect(forged.status).toBe(403);
  const anonymous = await fetch(`${site.url}/wp-admin/admin-post.php`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ action: 'guichet_receipt_action', operation: 'verify' }).toString(),
    redirect: 'manual',
  });
  expect([302, 400, 403]).toContain(anonymous.status);
  const count = await site.php(`echo Guichet\\WordPress\\Site::get()->receiptStore->countReceipts([]);`);
  expect(count).toBe('1');
});

test('the ledger verifies, and cancelling issues a cancellation receipt that marks the first replaced', async () => {
  const page = await admin.get('/wp-admin/admin.php?page=guichet-receipts');
  const verify = await pressReceiptButton(page.text, 'verify', '');
  expect(verify.headers.get('location')).toContain('guichet_done=verified');

  const cancel = await pressReceiptButton(page.text, 'cancel', receipt.number);
  const location = new URL(cancel.headers.get('location') ?? '', site.url);
  expect(location.searchParams.get('guichet_done')).toBe('cancelled');
  const after = await admin.get(location.pathname + location.search);
  const cancellation = location.searchParams.get('guichet_number') ?? '';
  expect(cancellation).toMatch(/^\d{4}-00002$/);
  expect(after.text).toContain(`Cancellation receipt ${cancellation} issued`);
  expect(after.text).toContain(`Replaced by ${cancellation}`);
  expect(phpProblems(site)).toEqual([]);
});

test('in Chromium, the receipts page and the settings pass axe-core, and the treasurer corrects a donor by the labelled form', async () => {
  const paid = await paidDonation(5000, true);
  const status = await call(site, 'GET', `/orders/${paid.id}?token=${encodeURIComponent(paid.token)}`);
  const number = (status.body.receipt as { number: string }).number;
  // The admin bar's avatar would come from gravatar.com: the network guard allows loopback only.
  await site.php(`update_option('show_avatars', 0);`);
  const browser = await launchChromium();
  try {
    const treasurer = await guardedPage(browser, { viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    try {
      const { page } = treasurer;
      await logInInBrowser(page, site);
      await page.goto(`${site.url}/wp-admin/admin.php?page=guichet-receipts`);
      await page.getByRole('heading', { name: 'Tax receipts', level: 1 }).waitFor();
      await expectOursAccessible(page, 'Tax receipts page');
      await page.getByRole('link', { name: `Correct the donor ${number}` }).click();
      await page.getByLabel('Street address').fill('5 place du Marché');
      await page.getByRole('button', { name: 'Issue the correction' }).click();
      await page.getByText(/Correction receipt \d{4}-\d{5} issued and sent to the donor\./).waitFor();
      // Ledger order: the corrected receipt's row comes before the correction that names it.
      expect(await page.locator('tbody tr', { hasText: number }).first().textContent()).toContain(
        'Replaced by',
      );
      await expectOursAccessible(page, 'Tax receipts page after a correction');
      await page.goto(`${site.url}/wp-admin/admin.php?page=guichet-settings`);
      await page.getByRole('heading', { name: 'Tax receipts' }).waitFor();
      await expectOursAccessible(page, 'settings with the tax receipts section');
      // The signature picture, uploaded from the settings form into the media library.
      await page.getByLabel('Signature image (JPEG or PNG)').setInputFiles({
        name: 'signature.png',
        mimeType: 'image/png',
        buffer: signaturePng(),
      });
      await page.getByRole('button', { name: 'Save Changes' }).click();
      await page.waitForURL(/settings-updated=true/);
      await page.getByText('Settings saved.').waitFor();
      await page.locator('img[alt="Signature image (JPEG or PNG)"]').waitFor();
    } finally {
      await treasurer.close();
    }
  } finally {
    await browser.close();
  }
  const corrected = JSON.parse(
    await site.php(
      `echo wp_json_encode(Guichet\\WordPress\\Site::get()->receipts()->receiptForOrder('${paid.id}'));`,
    ),
  ) as { kind: string; replaces: string; document: { donor: { address: { line1: string } } } };
  expect(corrected).toMatchObject({ kind: 'correction', replaces: number });
  expect(corrected.document.donor.address.line1).toBe('5 place du Marché');
  const issuer = JSON.parse(
    await site.php(`echo wp_json_encode(Guichet\\WordPress\\Site::get()->receiptSettings->receiptIssuer());`),
  ) as { signatureImage?: { type: string; data: string } };
  expect(issuer.signatureImage).toEqual({ type: 'image/png', data: signaturePng().toString('base64') });
});

test('a correction missing the donor name is refused, and the form comes back with what was typed and the field flagged', async () => {
  const paid = await paidDonation(4000, true);
  const status = await call(site, 'GET', `/orders/${paid.id}?token=${encodeURIComponent(paid.token)}`);
  const number = (status.body.receipt as { number: string }).number;
  const form = await admin.get(`/wp-admin/admin.php?page=guichet-receipts&correct=${number}`);
  const refused = await admin.post('/wp-admin/admin-post.php', {
    action: 'guichet_receipt_action',
    operation: 'correct',
    number,
    year: String(new Date().getFullYear()),
    _wpnonce: inputValue(form.text, '_wpnonce'),
    'donor[type]': 'individual',
    'donor[firstName]': 'Camille-Typed',
    'donor[lastName]': '',
    'donor[address][line1]': '9 rue Neuve',
    'donor[address][postalCode]': '69003',
    'donor[address][city]': 'Lyon',
    'donor[address][country]': 'FR',
  });
  const location = new URL(refused.headers.get('location') ?? '', site.url);
  expect(location.searchParams.get('guichet_reason')).toBe('invalid_donor');
  const again = await admin.get(location.pathname + location.search);
  expect(again.text).toContain('value="Camille-Typed"');
  expect(again.text).toContain('value="9 rue Neuve"');
  expect(again.text).toMatch(/id="guichet-donor-lastName"[^>]*aria-invalid="true"/);
  expect(again.text).toContain('This field is required.');
  const current = JSON.parse(
    await site.php(
      `echo wp_json_encode(Guichet\\WordPress\\Site::get()->receipts()->receiptForOrder('${paid.id}'));`,
    ),
  ) as { number: string };
  expect(current.number).toBe(number);
});

test('the settings keep what was typed, flag each problem beside its field, and never show the link secret', async () => {
  const page = await admin.get('/wp-admin/admin.php?page=guichet-settings');
  expect(page.text).toContain('Tax receipts');
  const secret = await site.php(`echo get_option('guichet_receipt_link_secret');`);
  expect(secret).toMatch(/^[A-Za-z0-9]{64}$/);
  expect(
    await site.php(
      `global $wpdb; echo $wpdb->get_var("SELECT autoload FROM {$wpdb->options} WHERE option_name = 'guichet_receipt_link_secret'");`,
    ),
  ).toMatch(/^(no|off)$/);
  expect(page.text).not.toContain(secret);
  const field = (name: string) => `guichet_settings[receipts]${name}`;
  const saved = await admin.post('/wp-admin/options.php', {
    option_page: 'guichet',
    action: 'update',
    _wpnonce: inputValue(page.text, '_wpnonce'),
    _wp_http_referer: '/wp-admin/admin.php?page=guichet-settings',
    'guichet_settings[organization][name]': 'Les Amis du Jardin',
    'guichet_settings[simulation]': '1',
    [field('[address][line1]')]: '12 rue des Écoles',
    [field('[address][postalCode]')]: '',
    [field('[address][city]')]: 'Paris',
    [field('[address][country]')]: 'FR',
    [field('[object]')]: ISSUER.object,
    [field('[status]')]: 'public_utility',
    [field('[statusDetail]')]: '',
    [field('[signatoryName]')]: 'Claude Petit',
    [field('[signatoryRole]')]: 'Trésorière',
  });
  expect(saved.status).toBe(302);
  const stored = JSON.parse(
    await site.php(`echo wp_json_encode(get_option('guichet_settings')['receipts']);`),
  ) as Json;
  expect(stored).toMatchObject({
    address: { line1: '12 rue des Écoles', postalCode: '', city: 'Paris', country: 'FR' },
    status: 'public_utility',
    signatoryName: 'Claude Petit',
  });
  const after = await admin.get('/wp-admin/admin.php?page=guichet-settings');
  expect(after.text).toMatch(
    /id="guichet-guichet-settings-receipts-address-postalCode"[^>]*aria-invalid="true"/,
  );
  expect(after.text).toContain('id="guichet-guichet-settings-receipts-address-postalCode-error"');
  expect(after.text).toContain('value="12 rue des Écoles"');
  const receipts = await admin.get('/wp-admin/admin.php?page=guichet-receipts');
  expect(receipts.text).toContain('issuer settings are incomplete');
  expect(phpProblems(site)).toEqual([]);
});

/** The nonce of the one-button form for `operation` on `number` in the receipts page. */
function formNonce(html: string, operation: string, number: string): string {
  const forms = html
    .split('<form')
    .filter(
      (form) =>
        form.includes(`name="operation" value="${operation}"`) &&
        form.includes(`name="number" value="${number}"`),
    );
  const nonce = forms[0]?.match(/name="_wpnonce" value="([^"]+)"/)?.[1];
  if (!nonce) throw new Error(`no ${operation} form for ${number}`);
  return nonce;
}

/** Posts the receipts page's one-button form for `operation` on `number` (this year's), as the treasurer would. */
function pressReceiptButton(
  html: string,
  operation: string,
  number: string,
): ReturnType<AdminSession['post']> {
  return admin.post('/wp-admin/admin-post.php', {
    action: 'guichet_receipt_action',
    operation,
    number,
    year: String(new Date().getFullYear()),
    _wpnonce: formNonce(html, operation, number),
  });
}

const AXE = require.resolve('axe-core/axe.min.js');

/**
 * axe-core (WCAG 2.0–2.2 A/AA) on what the plugin prints in wp-admin (#wpbody-content); WordPress's own menus
 * and toolbar are WordPress's to answer for.
 */
async function expectOursAccessible(page: Page, step: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: string,
            options: object,
          ) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const results = await axe.run('#wpbody-content', {
      resultTypes: ['violations'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
  });
  expect({ step, violations }).toEqual({ step, violations: [] });
}

test('a gift paid while the issuer is incomplete gets no receipt; once completed, "Issue missing receipts" issues it (and the page speaks French to a French treasurer)', async () => {
  const before = Number(
    await site.php(`echo Guichet\\WordPress\\Site::get()->receiptStore->countReceipts([]);`),
  );
  const paid = await paidDonation(3000, true);
  const status = await call(site, 'GET', `/orders/${paid.id}?token=${encodeURIComponent(paid.token)}`);
  expect(status.body.receipt).toBeUndefined();
  await configure(site, { receipts: ISSUER });
  await site.php(`update_user_meta(1, 'locale', 'fr_FR');`);
  try {
    const page = await admin.get('/wp-admin/admin.php?page=guichet-receipts');
    expect(page.text).toContain('Reçus fiscaux');
    expect(page.text).not.toContain('réglages de l&#039;émetteur sont incomplets');
    const issued = await pressReceiptButton(page.text, 'issue_missing', '');
    const location = new URL(issued.headers.get('location') ?? '', site.url);
    expect(location.searchParams.get('guichet_done')).toBe('issued');
    expect(location.searchParams.get('guichet_count')).toBe('1');
    const after = await admin.get(location.pathname + location.search);
    expect(after.text).toContain('1 reçu émis.');
    const again = await call(site, 'GET', `/orders/${paid.id}?token=${encodeURIComponent(paid.token)}`);
    expect((again.body.receipt as { number: string }).number).toMatch(/^\d{4}-\d{5}$/);
    expect(
      Number(await site.php(`echo Guichet\\WordPress\\Site::get()->receiptStore->countReceipts([]);`)),
    ).toBe(before + 1);
  } finally {
    await site.php(`delete_user_meta(1, 'locale');`);
  }
  expect(phpProblems(site)).toEqual([]);
});

test('WP-Cron: the daily event is scheduled, and in January it issues one annual receipt per recurring donor, once', async () => {
  expect(Number(await site.php(`echo (int) wp_next_scheduled('guichet_annual_receipts');`))).toBeGreaterThan(
    0,
  );
  const created = await call(site, 'POST', '/forms/dons/orders', {
    kind: 'donation',
    locale: 'fr',
    payment: { provider: 'simulation' },
    payer: { ...payer, email: 'mensuel@example.fr', lastName: 'Mensuel' },
    coverFees: false,
    expectedTotal: 1000,
    donation: { amount: 1000, frequency: 'monthly', taxReceipt: true, anonymous: false },
  });
  expect(created.status).toBe(201);
  const { order, next } = created.body as { order: Json; next: Json };
  await call(site, 'POST', `/simulation/${order.id as string}/confirm`, {
    clientSecret: next.clientSecret,
    card: '4242424242424242',
  });
  // No receipt per debit: the summary comes in January.
  const year = new Date().getFullYear();
  const count = `echo Guichet\\WordPress\\Site::get()->receiptStore->countReceipts(['orderId' => '${order.id as string}']);`;
  expect(await site.php(count)).toBe('0');
  // The cron callback as WP-Cron runs it, with the site's clock moved to next January.
  const inJanuary = `add_filter('guichet_clock', static function () { return new Guichet\\Adapter\\Ports\\FrozenClock('${year + 1}-01-02T08:00:00Z'); });`;
  await site.php(`${inJanuary} do_action('guichet_annual_receipts');`);
  const annual = JSON.parse(
    await site.php(
      `echo wp_json_encode(Guichet\\WordPress\\Site::get()->receiptStore->listReceipts(['orderId' => '${order.id as string}'], 10, 0));`,
    ),
  ) as { kind: string; number: string; amount: number; email: string }[];
  expect(annual).toEqual([
    expect.objectContaining({ kind: 'annual', amount: 1000, email: 'mensuel@example.fr' }),
  ]);
  expect(annual[0]?.number).toMatch(new RegExp(`^${year + 1}-\\d{5}$`));
  expect(await site.php(`echo get_option('guichet_annual_receipts_done');`)).toBe(String(year));
  await site.php(
    `${inJanuary} delete_option('guichet_annual_receipts_done'); do_action('guichet_annual_receipts');`,
  );
  expect(await site.php(count)).toBe('1');
  expect(phpProblems(site)).toEqual([]);
});

/** The PDF fixtures' small opaque PNG (8-bit, no transparency): what a receipt can embed. */
function signaturePng(): Buffer {
  const fixtures = JSON.parse(
    readFileSync(join(ROOT, 'tests/vectors/receipts-pdf-fixtures.json'), 'utf8'),
  ) as {
    cases: { record: { document: { signatureImage?: { type: string; data: string } } } }[];
  };
  const png = fixtures.cases
    .map((c) => c.record.document.signatureImage)
    .find((image) => image?.type === 'image/png');
  if (!png) throw new Error('no PNG signature in receipts-pdf-fixtures.json');
  return Buffer.from(png.data, 'base64');
}
