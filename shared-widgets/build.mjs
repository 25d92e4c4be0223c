// Builds what hosts serve from one folder: dist/guichet.js (an ES module defining the three elements),
// the chunks it fetches on demand (dist/chunks/: one per kind and language, the simulation's step, Stripe's
// loader) and dist/guichet.css; then prints gzipped sizes per form against the budget (JS 12 KB, CSS 4 KB).
//   node shared-widgets/build.mjs            production build
//   node shared-widgets/build.mjs --watch    rebuild on change (development)
import { build, context } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sizeReport } from './size-report.mjs';
import { compactCountries, compactCurrencies } from './tools/domain-data.mjs';
import { privatePacks } from './tools/private-packs.mjs';
import { secondPass } from './tools/second-pass.mjs';
import { shortKeysPlugin, shortKeysTransform } from './tools/short-keys.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const shortKeys = shortKeysTransform(here);

/**
 * The widget shows only the catalogue messages it produces itself (src/core/messages.ts lists them); all others
 * come from the host already translated. So each form's chunk gets just those entries of its kind, in its
 * language, instead of the whole FR/EN catalogue (~8 KB). Nothing else in the bundle may import the catalogue.
 */
const errorCatalogue = {
  name: 'guichet-error-catalogue',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /error-messages\.json$/ }, (args) => {
      // i18n/fr.ts itself, or a form pack's private copy of it (tools/private-packs.mjs): fr.ts#donation-fr.
      const [, language, pack = ''] = /i18n[\\/](fr|en)\.ts(#[\w-]+)?$/.exec(args.importer) ?? [];
      if (!language)
        throw new Error(`${args.importer} imports the whole error catalogue; only i18n/<lang>.ts may`);
      // One module per language (and pack): esbuild shares modules by path, so they are part of it.
      return { path: `${join(args.resolveDir, args.path)}#${language}${pack}`, namespace: 'guichet-errors' };
    });
    pluginBuild.onLoad({ filter: /#(fr|en)(#[\w-]+)?$/, namespace: 'guichet-errors' }, (args) => {
      const [file, language, pack = ''] = args.path.split('#');
      const source = readFileSync(join(here, 'src/core/messages.ts'), 'utf8');
      // The common codes and the pack's kind's; outside a pack (the simulation's step, shared by all), its own.
      const kind = pack.split('-')[0];
      const lists = [...source.matchAll(/^ {2}(\w+): \[([^\]]*)\]/gm)].filter(([, group]) =>
        kind ? group === 'common' || group === kind : group === 'simulation',
      );
      const codes = [
        ...new Set(lists.flatMap(([, , list]) => [...list.matchAll(/'(\w+)'/g)].map((m) => m[1]))),
      ];
      const { messages } = JSON.parse(readFileSync(file, 'utf8'));
      const missing = codes.filter((code) => !messages[code]);
      if (!codes.length || missing.length)
        throw new Error(`error codes not in the catalogue: ${missing.join(', ')}`);
      const kept = Object.fromEntries(codes.map((code) => [code, { [language]: messages[code][language] }]));
      return { contents: JSON.stringify({ messages: kept }), loader: 'json' };
    });
  },
};

/**
 * The simulation step shows the test cards' numbers and descriptions; the outcomes, processor reasons and notes
 * for developers in simulation-cards.json are the host's business. The widget's copy keeps just what it shows.
 */
const simulationCards = {
  name: 'guichet-simulation-cards',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /simulation-cards\.json$/ }, (args) => {
      const { cards } = JSON.parse(readFileSync(args.path, 'utf8'));
      const shown = cards.map(({ number, description }) => ({ number, description }));
      return { contents: JSON.stringify({ cards: shown }), loader: 'json' };
    });
  },
};

const BANNER = '/*! Guichet widgets, GPL-2.0-or-later */';

/** Options shared with the size benchmark, so it measures exactly what ships. */
export const options = {
  entryPoints: [
    { in: join(here, 'src/index.ts'), out: 'guichet' },
    { in: join(here, 'src/style/guichet.css'), out: 'guichet' },
  ],
  outdir: dist,
  // Paths in the metafile are then relative to the repository root, wherever the build is started from.
  absWorkingDir: join(here, '..'),
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  // ES module files first: @stripe/stripe-js/pure has an index.mjs beside its CommonJS index.js.
  resolveExtensions: ['.ts', '.mjs', '.js', '.json'],
  splitting: true,
  minify: true,
  format: 'esm',
  metafile: true,
  plugins: [
    // Before privatePacks, whose loader would otherwise take the packs' private copies of these two.
    compactCountries,
    compactCurrencies,
    privatePacks(shortKeys),
    shortKeysPlugin(shortKeys),
    errorCatalogue,
    simulationCards,
  ],
  // Browsers with native class fields, optional chaining and ?? (2022): no down-levelling helpers in the bundle.
  target: ['es2022', 'chrome100', 'firefox100', 'safari15.4'],
  // Maps are written beside each file but not linked from it: the comment would cost every chunk ~40 bytes gzipped.
  // The watch build links them, for development.
  sourcemap: 'external',
  legalComments: 'none',
  logLevel: 'warning',
  // Ours to decide: the widget is GPL; esbuild's banner keeps the licence visible in the served files (the chunks
  // lose it after the build, see below).
  banner: { js: BANNER, css: BANNER },
};

/**
 * The licence line stays in guichet.js and guichet.css, which hosts serve by name; in the chunks it would
 * cost ~40 bytes gzipped each. Its newline stays, so the source maps still match line for line.
 */
function unbannerChunks() {
  const folder = join(dist, 'chunks');
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.js'))) {
    const text = readFileSync(join(folder, name), 'utf8');
    if (text.startsWith(BANNER)) writeFileSync(join(folder, name), text.slice(BANNER.length));
  }
}

/**
 * One hash for all the chunks, taken over their final content, instead of esbuild's one per chunk: guichet.js
 * names six packs and each pack two chunks of its own, and eight random-looking hashes gzip to ~6 bytes each
 * where one repeated costs that once (about 57 bytes less per form). Still content-hashed: any change renames
 * every chunk, which costs nothing more since every pack holds the core. Returns the metafile with the new names.
 */
function oneChunkHash(metafile) {
  const folder = join(dist, 'chunks');
  const chunks = readdirSync(folder)
    .filter((file) => file.endsWith('.js'))
    .sort();
  const hash = createHash('sha256');
  for (const name of chunks) hash.update(name).update(readFileSync(join(folder, name)));
  const shared = hash.digest('hex').slice(0, 8).toUpperCase();
  const renames = new Map(chunks.map((name) => [name, name.replace(/-[A-Z0-9]{8}\.js$/, `-${shared}.js`)]));
  if (new Set(renames.values()).size !== chunks.length) throw new Error('two chunks would get the same name');
  const rename = (text) => text.replace(/[\w-]+-[A-Z0-9]{8}\.js/g, (name) => renames.get(name) ?? name);
  const texts = [
    'guichet.js',
    'guichet.js.map',
    ...chunks.flatMap((name) => [`chunks/${name}`, `chunks/${name}.map`]),
  ];
  for (const file of texts) writeFileSync(join(dist, file), rename(readFileSync(join(dist, file), 'utf8')));
  for (const [from, to] of renames) {
    renameSync(join(folder, from), join(folder, to));
    renameSync(join(folder, `${from}.map`), join(folder, `${to}.map`));
  }
  return JSON.parse(rename(JSON.stringify(metafile)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--watch')) {
    const ctx = await context({ ...options, sourcemap: 'linked' });
    await ctx.watch();
    console.log('watching shared-widgets/src…');
  } else {
    // Old chunks go (their names change with their content); dist/types and tsc's build info stay.
    rmSync(join(dist, 'chunks'), { recursive: true, force: true });
    const result = await build(options);
    unbannerChunks();
    await secondPass([dist, join(dist, 'chunks')]);
    const metafile = oneChunkHash(result.metafile);
    writeFileSync(join(dist, 'meta.json'), JSON.stringify(metafile));
    console.log(sizeReport(metafile, dist));
  }
}
