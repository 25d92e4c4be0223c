// The block editor on a French site: the Guichet editor scripts get French strings, from the JSON translations
// the plugin ships for its editor scripts (tools/po-to-jed.mjs, loaded through wp_set_script_translations), and
// the block types themselves (block.json, translated by WordPress from the plugin's .mo) are French.
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../browser/support/browser';
import { ensureBlocksBuilt } from './build-blocks';
import type { WordPressSite } from './wp-server';
import { logInInBrowser } from './admin-session';
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
  await logInInBrowser(page, site);
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

test('on a fr_FR site the block editor gets the Guichet sidebar strings in French', async () => {
  await page.goto(`${site.url}/wp-admin/post-new.php?post_type=page`);
  await page.waitForFunction(
    () =>
      (
        window as unknown as { wp?: { blocks?: { getBlockType(name: string): unknown } } }
      ).wp?.blocks?.getBlockType('guichet/tickets'),
    undefined,
    { timeout: 60_000 },
  );
  // WordPress printed the shipped JSON (guichet-fr_FR-<md5>.json) into the editor page as the guichet domain's
  // locale data: the strings the sidebars show come out in French.
  const translated = await page.evaluate(() => {
    const { __ } = (window as unknown as { wp: { i18n: { __(text: string, domain: string): string } } }).wp
      .i18n;
    return ['Ticket types', 'Add a tier', 'Suggested amounts (€), separated by ;'].map((text) =>
      __(text, 'guichet'),
    );
  });
  expect(translated).toEqual([
    'Types de billets',
    'Ajouter une formule',
    'Montants suggérés (€), séparés par ;',
  ]);
  expect(errors).toEqual([]);
  expect(phpProblems(site)).toEqual([]);
});

test('on a fr_FR site the inserter offers the Guichet blocks under their French titles and descriptions', async () => {
  await page.goto(`${site.url}/wp-admin/post-new.php?post_type=page`);
  // The block types the editor gets from the server (block.json translated by register_block_type).
  const types = await page.waitForFunction(
    () => {
      const blocks = (
        window as unknown as {
          wp?: {
            blocks?: { getBlockType(name: string): { title: string; description: string } | undefined };
          };
        }
      ).wp?.blocks;
      const names = ['guichet/donation', 'guichet/membership', 'guichet/tickets'];
      const found = names.map((name) => blocks?.getBlockType(name));
      return found.every(Boolean) && found.map((type) => [type?.title, type?.description]);
    },
    undefined,
    { timeout: 60_000 },
  );
  expect(await types.jsonValue()).toEqual([
    [
      'Guichet – Don',
      "Un formulaire de don versé directement sur le compte de votre association, avec l'aperçu de la réduction d'impôt.",
    ],
    ['Guichet – Adhésion', "Les formules et périodes d'adhésion, réglées en ligne ou par chèque."],
    [
      'Guichet – Billetterie',
      'La vente de billets avec quotas, catégories de tarifs et codes promo. Jamais de survente.',
    ],
  ]);
  expect(errors).toEqual([]);
});
