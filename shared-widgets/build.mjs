// Builds what hosts serve from one folder: dist/guichet.js (an ES module defining the three elements),
// the chunks it fetches on demand (dist/chunks/: one per kind, per language, the payment steps, Stripe's
// loader) and dist/guichet.css; then prints gzipped sizes per form against the budget (JS 12 KB, CSS 4 KB).
//   node shared-widgets/build.mjs            production build
//   node shared-widgets/build.mjs --watch    rebuild on change (development)
import { build, context } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');

/**
 * The widget shows only the catalogue messages it produces itself (core/messages.ts lists them); all others
 * come from the host already translated. Shipping just those entries keeps ~8 KB of text out of the bundle.
 */
const errorCatalogue = {
  name: 'guichet-error-catalogue',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /protocol[\\/]error-messages\.json$/ }, (args) => {
      const source = readFileSync(join(here, 'src/core/messages.ts'), 'utf8');
      const list = /WIDGET_ERROR_CODES = \[([^\]]*)\]/.exec(source)?.[1] ?? '';
      const codes = [...list.matchAll(/'(\w+)'/g)].map((match) => match[1]);
      const { messages } = JSON.parse(readFileSync(args.path, 'utf8'));
      const missing = codes.filter((code) => !messages[code]);
      if (!codes.length || missing.length)
        throw new Error(`error codes not in the catalogue: ${missing.join(', ')}`);
      const kept = Object.fromEntries(codes.map((code) => [code, messages[code]]));
      return { contents: JSON.stringify({ messages: kept, fields: {} }), loader: 'json' };
    });
  },
};

/** Options shared with the size benchmark, so it measures exactly what ships. */
export const options = {
  entryPoints: [
    { in: join(here, 'src/index.ts'), out: 'guichet' },
    { in: join(here, 'src/style/guichet.css'), out: 'guichet' },
  ],
  outdir: dist,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  minify: true,
  format: 'esm',
  metafile: true,
  plugins: [errorCatalogue],
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  // Ours to decide: the widget is GPL; esbuild's banner keeps the licence visible in the served file.
  banner: { js: '/*! Guichet widgets, GPL-2.0-or-later */', css: '/*! Guichet widgets, GPL-2.0-or-later */' },
};

export const gzipBytes = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

export function sizeReport() {
  const kb = (bytes) => (bytes / 1000).toFixed(1);
  const js = gzipBytes(join(dist, 'guichet.js'));
  const css = gzipBytes(join(dist, 'guichet.css'));
  return [
    `widget-js-gzip: ${kb(js)} KB (target ≤ 12 KB)`,
    `widget-css-gzip: ${kb(css)} KB (target ≤ 4 KB)`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--watch')) {
    const ctx = await context(options);
    await ctx.watch();
    console.log('watching shared-widgets/src…');
  } else {
    rmSync(dist, { recursive: true, force: true });
    const result = await build(options);
    writeFileSync(join(dist, 'meta.json'), JSON.stringify(result.metafile));
    console.log(sizeReport());
  }
}
