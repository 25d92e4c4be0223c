// The block editor in Debian's Chromium: the three blocks register, a donation block inserted by an editor
// gets its stable form id and sidebar settings, and publishing stores the form the visitor then sees.
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../browser/support/browser';
import { ensureBlocksBuilt } from './build-blocks';
import type { WordPressSite } from './wp-server';
import { logInInBrowser } from './admin-session';
import { call, phpProblems, startGuichet } from './guichet-site';

jest.setTimeout(180_000);

let site: WordPressSite;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  await ensureBlocksBuilt();
  site = await startGuichet();
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await logInInBrowser(page, site);
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

test('an editor inserts a donation block, sets its amounts in the sidebar and publishes it', async () => {
  await page.goto(`${site.url}/wp-admin/post-new.php?post_type=page`);
  await page.waitForFunction(
    () => {
      const wp = (window as unknown as { wp?: { blocks?: { getBlockType(name: string): unknown } } }).wp;
      return ['donation', 'membership', 'tickets'].every((kind) =>
        wp?.blocks?.getBlockType(`guichet/${kind}`),
      );
    },
    undefined,
    { timeout: 60_000 },
  );
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Close' })
    .click({ timeout: 3000 })
    .catch(() => {});
  await page.evaluate(() => {
    const wp = (window as unknown as { wp: any }).wp; // eslint-disable-line @typescript-eslint/no-explicit-any
    wp.data.dispatch('core/editor').editPost({ title: 'Dons', status: 'publish' });
    wp.data.dispatch('core/block-editor').insertBlocks(wp.blocks.createBlock('guichet/donation'));
  });
  // The block gets its form id once, and the sidebar edits the config.
  const formId = await page.waitForFunction(() => {
    const wp = (window as unknown as { wp: any }).wp; // eslint-disable-line @typescript-eslint/no-explicit-any
    const block = wp.data.select('core/block-editor').getBlocks()[0];
    return block?.attributes.formId || null;
  });
  const id = (await formId.jsonValue()) as string;
  expect(id).toMatch(/^don-[a-z0-9]+$/);
  const amounts = page.getByLabel('Suggested amounts (€), separated by ;');
  await amounts.fill('12; 24,50; 48');
  await page.getByLabel('Title', { exact: true }).fill('Aidez le jardin');
  const canvas = page.frameLocator('iframe[name="editor-canvas"]');
  await canvas.getByText('Aidez le jardin').waitFor();

  await page.evaluate(() => (window as unknown as { wp: any }).wp.data.dispatch('core/editor').savePost()); // eslint-disable-line @typescript-eslint/no-explicit-any
  await page.waitForFunction(() => {
    const wp = (window as unknown as { wp: any }).wp; // eslint-disable-line @typescript-eslint/no-explicit-any
    const editor = wp.data.select('core/editor');
    return (
      !editor.isSavingPost() &&
      editor.getCurrentPostAttribute('status') === 'publish' &&
      !editor.isEditedPostDirty()
    );
  });
  const form = await call(site, 'GET', `/forms/${id}`);
  expect(form.status).toBe(200);
  expect(form.body).toMatchObject({
    kind: 'donation',
    title: 'Aidez le jardin',
    donation: { presets: [1200, 2450, 4800] },
  });
  expect(errors).toEqual([]);
  expect(phpProblems(site)).toEqual([]);
});
