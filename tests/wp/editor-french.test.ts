// The block editor on a French site: the sidebar of a Guichet block speaks French, from the JSON translations
// the plugin ships for its editor scripts (tools/po-to-jed.mjs, loaded through wp_set_script_translations).
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../browser/support/browser';
import { ensureBlocksBuilt } from './build-blocks';
import type { WordPressSite } from './wp-server';
import { phpProblems, startGuichet } from './guichet-site';

jest.setTimeout(180_000);

let site: WordPressSite;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  await ensureBlocksBuilt();
  site = await startGuichet();
  // update_option() refuses a locale without WordPress's own language files, which an offline site lacks.
  await site.php(
    `global $wpdb; $wpdb->replace($wpdb->options, ['option_name' => 'WPLANG', 'option_value' => 'fr_FR', 'autoload' => 'on']);`,
  );
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${site.url}/wp-login.php`);
  await page.fill('#user_login', site.user);
  await page.fill('#user_pass', site.password);
  await Promise.all([page.waitForURL(/wp-admin/), page.click('#wp-submit')]);
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

test('on a fr_FR site the tickets block sidebar is in French', async () => {
  await page.goto(`${site.url}/wp-admin/post-new.php?post_type=page`);
  await page.waitForFunction(
    () =>
      (
        window as unknown as { wp?: { blocks?: { getBlockType(name: string): unknown } } }
      ).wp?.blocks?.getBlockType('guichet/tickets'),
    undefined,
    { timeout: 60_000 },
  );
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^(Close|Fermer)$/ })
    .click({ timeout: 3000 })
    .catch(() => {});
  await page.evaluate(() => {
    const wp = (window as unknown as { wp: any }).wp; // eslint-disable-line @typescript-eslint/no-explicit-any
    wp.data.dispatch('core/block-editor').insertBlocks(wp.blocks.createBlock('guichet/tickets'));
  });
  await page.getByRole('button', { name: 'Types de billets' }).waitFor();
  await expect(page.getByRole('button', { name: 'Ajouter un type de billet' }).count()).resolves.toBe(1);
  await expect(page.getByRole('button', { name: 'Add a ticket type' }).count()).resolves.toBe(0);
  expect(errors).toEqual([]);
  expect(phpProblems(site)).toEqual([]);
});
