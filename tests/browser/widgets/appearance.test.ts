import type { Browser } from 'playwright-core';
import { expectAccessible } from '../support/axe';
import { guardedPage, launchChromium } from '../support/browser';
import { startJourneyHost, type JourneyHost } from '../support/journey-host';
import { donationForm, membershipForm, ticketsForm } from '../support/forms';
import { element, widgetPage } from '../support/pages';
import { screenshots } from '../support/screenshots';

let browser: Browser;
let host: JourneyHost;

beforeAll(async () => {
  browser = await launchChromium();
  host = await startJourneyHost({
    forms: [donationForm(), membershipForm(), ticketsForm()],
  });
});
afterAll(async () => {
  await host?.close();
  await browser?.close();
});

test('one script serves three forms on one page, each in its own language, ids never shared', async () => {
  const url = host.page(
    '/trois',
    widgetPage({
      assets: host.widgets,
      title: 'Trois formulaires',
      body: [
        element('guichet-donation', { base: host.base(), form: 'don' }),
        element('guichet-membership', { base: host.base(), form: 'adhesion', lang: 'en' }),
        element('guichet-tickets', { base: host.base(), form: 'concert' }),
      ].join('\n'),
    }),
  );
  const { page, close } = await guardedPage(browser, { viewport: { width: 1280, height: 900 } });
  try {
    const scripts: string[] = [];
    page.on(
      'request',
      (request) => request.resourceType() === 'script' && scripts.push(new URL(request.url()).pathname),
    );
    await page.goto(url);
    await page.locator('[data-state="ready"]').nth(2).waitFor();
    await page.getByRole('heading', { name: 'Join the Friends of the Garden' }).waitFor();
    await page.getByRole('button', { name: 'Join for €15' }).waitFor();
    await page.getByRole('button', { name: 'Donner 25 €' }).waitFor();
    expect(scripts.filter((path) => path === '/widget/guichet.js')).toHaveLength(1);
    // Each kind's code comes with the strings of its form's language, in one chunk fetched once.
    const packs = scripts.map((path) => /\/(\w+-(?:en|fr))-\w+\.js$/.exec(path)?.[1]).filter(Boolean);
    expect(packs.sort()).toEqual(['donation-fr', 'membership-en', 'tickets-fr']);
    await expectAccessible(page, 'three forms');
  } finally {
    await close();
  }
});

test('dark theme, English, 320 px wide: readable contrast and nothing wider than the screen', async () => {
  const url = host.page(
    '/dark',
    widgetPage({
      assets: host.widgets,
      title: 'Support us',
      lang: 'en',
      body: element('guichet-donation', { base: host.base(), form: 'don' }),
      style: ':root{color-scheme:light dark}body{background:Canvas;color:CanvasText}',
    }),
  );
  const { page, close } = await guardedPage(browser, {
    colorScheme: 'dark',
    locale: 'en-GB',
    viewport: { width: 320, height: 700 },
  });
  try {
    await page.goto(url);
    await page.getByRole('button', { name: 'Give €25' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.getByRole('button', { name: 'Give €25' }).click();
    await page.getByRole('alert').filter({ hasText: 'Some fields need correcting' }).waitFor();
    await expectAccessible(page, 'dark English form with errors');
    await screenshots(page, 'donation-dark-en-errors');
  } finally {
    await close();
  }
});
