/**
 * What a visitor downloads for one form, and how soon it can be used. Prints figures, never fails on them.
 *
 * Sizes: gzip -9 of the files the browser fetches for one form, from the build's metafile — the entry, its
 * static imports, the form kind's chunk and the page language's chunk; then the payment steps' chunk (after
 * submitting) and Stripe's loader chunk (Stripe payers only). Stripe.js itself is never counted.
 * Time: Debian's Chromium with 4× CPU throttling (CDP Emulation.setCPUThrottlingRate), a cold cache and a
 * loopback server answering the form definition; from the request of guichet.js to the form being usable.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const DIST = join(__dirname, '../dist');
const EXAMPLES = join(__dirname, '../../docs/examples/protocol');
const KINDS = ['donation', 'membership', 'tickets'] as const;
const RUNS = 7;

interface Meta {
  outputs: Record<string, { imports: { path: string; kind: string }[] }>;
}

const meta = JSON.parse(readFileSync(join(DIST, 'meta.json'), 'utf8')) as Meta;
const gz = new Map<string, number>();
const gzipped = (file: string) => {
  if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(join(DIST, '..', file.replace(/^.*?dist\//, 'dist/'))), { level: 9 }).length);
  return gz.get(file) ?? 0;
};
const output = (pattern: RegExp) => {
  const found = Object.keys(meta.outputs).find((file) => file.endsWith('.js') && pattern.test(file));
  if (!found) throw new Error(`no output matches ${pattern}`);
  return found;
};
/** The files fetched for these, with everything they import statically. */
function closure(files: string[], seen = new Set<string>()): Set<string> {
  for (const file of files) {
    if (seen.has(file)) continue;
    seen.add(file);
    closure(
      (meta.outputs[file]?.imports ?? []).filter((i) => i.kind === 'import-statement').map((i) => i.path),
      seen,
    );
  }
  return seen;
}
const total = (files: Iterable<string>) => [...files].reduce((sum, file) => sum + gzipped(file), 0);
const kb = (bytes: number) => (bytes / 1000).toFixed(1);

function sizes(): void {
  let worst = 0;
  for (const kind of KINDS) {
    for (const lang of ['fr', 'en']) {
      const initial = closure([output(/dist\/guichet\.js$/), output(new RegExp(`/${kind}-`)), output(new RegExp(`/${lang}-`))]);
      const steps = closure([output(/\/steps-/)], new Set(initial));
      const stripe = closure([output(/\/stripe-/)], new Set(steps));
      const [a, b, c] = [total(initial), total(steps) - total(initial), total(stripe) - total(steps)];
      worst = Math.max(worst, a + b + c);
      console.log(
        `widget-js-gzip[${kind},${lang}]: ${kb(a + b + c)} KB = form ${kb(a)} + payment steps ${kb(b)} + Stripe loader ${kb(c)}`,
      );
    }
  }
  console.log(`widget-js-gzip: ${kb(worst)} KB (target ≤ 12 KB)`);
  console.log(`widget-css-gzip: ${kb(gzipSync(readFileSync(join(DIST, 'guichet.css')), { level: 9 }).length)} KB (target ≤ 4 KB)`);
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
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
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
          const script = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/guichet.js'));
          return (window as unknown as { __ready: number }).__ready - (script?.startTime ?? 0);
        });
        times.push(ms);
        await context.close();
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)] ?? 0;
      console.log(`widget-interactive-ms[${kind}]: ${Math.round(median)} ms (median of ${RUNS}, 4× CPU throttling, cold cache)`);
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
