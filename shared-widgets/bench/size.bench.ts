/**
 * What a visitor downloads for one form, and how soon it can be used. Prints figures, never fails on them.
 *
 * Sizes: gzip -9 of the files the browser fetches for one form (see ../size-report.mjs): the form with its
 * payment and status steps; the simulation's test-card step (demo and test provider) and Stripe's loader
 * package (Stripe payers only) are shown apart, and Stripe.js itself is never counted.
 * Time: Debian's Chromium with 4× CPU throttling (CDP Emulation.setCPUThrottlingRate), a cold cache and a
 * loopback server answering the form definition; from the request of guichet.js to the form being usable.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
// @ts-expect-error -- size-report.mjs is plain JavaScript without declarations
import { moduleShares, sizeReport } from '../size-report.mjs';

const DIST = join(__dirname, '../dist');
const EXAMPLES = join(__dirname, '../../docs/examples/protocol');
const KINDS = ['donation', 'membership', 'tickets'] as const;
const RUNS = 7;

function sizes(): void {
  // The build's own report: the same computation the build prints, from the metafile it wrote.
  const metafile: unknown = JSON.parse(readFileSync(join(DIST, 'meta.json'), 'utf8'));
  console.log(sizeReport(metafile, DIST));
  // What the heaviest form is made of, so the next saving is looked for where the bytes are.
  for (const [module, bytes] of moduleShares(metafile, DIST, 'membership', 'fr') as [string, number][]) {
    if (bytes >= 50)
      console.log(
        `widget-js-gzip-share[membership,fr,${module}]: ${(bytes / 1000).toFixed(2)} KB (estimate)`,
      );
  }
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };

/** The page, the bundle and the form definitions (the protocol's examples) from one loopback server. */
async function serve() {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const form = /^\/api\/forms\/(\w+)$/.exec(url.pathname);
    if (form) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(readFileSync(join(EXAMPLES, `form-definition.${form[1]}.json`)));
    }
    const page = /^\/(\w+)\.html$/.exec(url.pathname);
    if (page) {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      return res.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>bench</title>
<link rel="stylesheet" href="/dist/guichet.css"><script type="module" src="/dist/guichet.js"></script></head>
<body><guichet-${page[1]} base="/api" form="${page[1]}"></guichet-${page[1]}></body></html>`);
    }
    const file = normalize(join(DIST, url.pathname.replace(/^\/dist\//, '')));
    if (!file.startsWith(DIST)) return res.writeHead(403).end();
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function timeToInteractive(): Promise<void> {
  const { server, origin } = await serve();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  try {
    for (const kind of KINDS) {
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        // Noted in the page as soon as the form is usable: drawn, with its submit button.
        await page.addInitScript(() => {
          new MutationObserver((_, observer) => {
            if (document.querySelector('[data-state="ready"] button[type="submit"]')) {
              (window as unknown as { __ready: number }).__ready = performance.now();
              observer.disconnect();
            }
          }).observe(document, { subtree: true, childList: true, attributes: true });
        });
        await page.goto(`${origin}/${kind}.html`);
        await page.waitForFunction(() => 'ready' in window || '__ready' in window);
        const ms = await page.evaluate(() => {
          const script = performance
            .getEntriesByType('resource')
            .find((entry) => entry.name.endsWith('/guichet.js'));
          return (window as unknown as { __ready: number }).__ready - (script?.startTime ?? 0);
        });
        times.push(ms);
        await context.close();
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)] ?? 0;
      console.log(
        `widget-interactive-ms[${kind}]: ${Math.round(median)} ms (median of ${RUNS}, 4× CPU throttling, cold cache)`,
      );
    }
  } finally {
    await browser.close();
    server.close();
  }
}

sizes();
timeToInteractive().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
