// Deleting the plugin keeps the tax receipts: the association must keep them, and after a reinstall the series goes
// on (no second 2026-00001 handed to another donor) and the links donors were e-mailed still open their PDF.
import type { WordPressSite } from './wp-server';
import { call, configure, donationForm, saveForm, startGuichet } from './guichet-site';
import { paidDonation, RECEIPT_ISSUER } from './receipts-site';
import { expectReceiptPdf } from '../support/receipt-links';

jest.setTimeout(180_000);

let site: WordPressSite;

beforeAll(async () => {
  site = await startGuichet({}, { receipts: RECEIPT_ISSUER });
});

afterAll(async () => {
  await site?.stop();
});

async function receiptOfNewGift(): Promise<{ number: string; url: string }> {
  const paid = await paidDonation(site, 'dons', 5000, true);
  const status = await call(site, 'GET', `/orders/${paid.id}?token=${encodeURIComponent(paid.token)}`);
  return status.body.receipt as { number: string; url: string };
}

async function tables(): Promise<string[]> {
  const listed = await site.php(
    `global $wpdb; echo wp_json_encode($wpdb->get_col($wpdb->prepare('SHOW TABLES LIKE %s', $wpdb->prefix . 'guichet_%')));`,
  );
  return (JSON.parse(listed) as string[]).map((name) => name.replace(/^wp_guichet_/, '')).sort();
}

test('after deleting and reinstalling the plugin, receipts go on from the last number and old links still work', async () => {
  await saveForm(site, donationForm('dons'));
  const first = await receiptOfNewGift();
  const year = new Date().getFullYear();
  expect(first.number).toBe(`${year}-00001`);

  await site.php(
    `define('WP_UNINSTALL_PLUGIN', 'guichet/guichet.php'); deactivate_plugins('guichet/guichet.php');
     require WP_PLUGIN_DIR . '/guichet/uninstall.php'; echo 'ok';`,
  );
  expect(await tables()).toEqual(['receipt_counters', 'receipts']);
  expect(await site.php(`echo wp_json_encode(get_option('guichet_settings', null));`)).toBe('null');

  await site.php(`activate_plugin('guichet/guichet.php'); echo 'ok';`);
  await configure(site, {
    simulation: true,
    rateLimit: 0,
    organization: { name: 'Les Amis du Jardin' },
    receipts: RECEIPT_ISSUER,
  });
  await saveForm(site, donationForm('dons'));
  const second = await receiptOfNewGift();
  expect(second.number).toBe(`${year}-00002`);

  await expectReceiptPdf(await fetch(first.url), [`${year}-00001`]);
});
