// esbuild plugin: each form pack (src/packs/<kind>-<lang>.ts) comes out as ONE chunk holding the kind's code, its
// strings and the core: a visitor's form is one gzip stream (about 0.5 KB smaller than the core and the pack
// apart). esbuild moves a module imported by two chunks into a third, shared one: the core, imported by six
// packs, would become a chunk of its own, and fr.ts, imported by three packs, another. So every module a pack
// reaches gets a private copy per pack: same source, a path suffixed with the pack's name. The copy of fr.ts in
// donation-fr then loses, by tree shaking, the groups of strings that pack does not import. The dist folder holds
// the core six times; a visitor downloads it once per kind and language on the page.
// Two exceptions, loaded by the packs on demand and shared by all of them: Stripe's loader package and the
// simulation's test-card step (which then brings its own copies of the few core parts it uses).
import { readFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';

const NAMESPACE = 'guichet-pack';
const SUFFIX = /#([a-z]+-[a-z]+)$/;

/** The pack a module belongs to: a pack file itself, or a private copy made for one. */
function packOf(importer, namespace) {
  if (namespace === NAMESPACE) return SUFFIX.exec(importer)?.[1];
  return /[\\/]src[\\/]packs[\\/]([a-z]+-[a-z]+)\.ts$/.exec(importer)?.[1];
}

const SHARED = /[\\/]node_modules[\\/]|[\\/]src[\\/]payment[\\/]simulation\.ts$/;

export function privatePacks(transform = (file, source) => source) {
  return {
    name: 'guichet-private-packs',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        const pack = packOf(args.importer, args.namespace);
        if (!pack || args.pluginData?.resolving) return undefined;
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { resolving: true },
        });
        if (resolved.errors.length) return { errors: resolved.errors };
        if (resolved.namespace !== 'file' || SHARED.test(resolved.path)) return resolved;
        return { path: `${resolved.path}#${pack}`, namespace: NAMESPACE };
      });
      build.onLoad({ filter: SUFFIX, namespace: NAMESPACE }, (args) => {
        const file = args.path.replace(SUFFIX, '');
        const loader = { '.ts': 'ts', '.json': 'json', '.mjs': 'js', '.js': 'js' }[extname(file)];
        return { contents: transform(file, readFileSync(file, 'utf8')), loader, resolveDir: dirname(file) };
      });
    },
  };
}
