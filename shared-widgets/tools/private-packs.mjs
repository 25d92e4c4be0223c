// esbuild plugin: each form pack (src/packs/<kind>-<lang>.ts) comes out as ONE chunk holding the kind's code and
// its strings. esbuild moves a module imported by two chunks into a third, shared one: donation.ts, imported by
// donation-fr and donation-en, would become a chunk of its own, and fr.ts, imported by three packs, another.
// So every module a pack reaches that is not part of the core gets a private copy per pack: same source, a path
// suffixed with the pack's name. The copy of fr.ts in donation-fr then loses, by tree shaking, the groups of
// strings that pack does not import. The dist folder holds the kind's code twice (once per language); a visitor
// downloads one of them.
import { build as esbuild } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, extname, relative } from 'node:path';

const NAMESPACE = 'guichet-pack';
const SUFFIX = /#([a-z]+-[a-z]+)$/;

/** The files the entry imports statically, directly or not: the core, which every chunk shares. */
async function coreFiles(options, entry) {
  const { metafile } = await esbuild({
    entryPoints: [entry],
    absWorkingDir: options.absWorkingDir,
    resolveExtensions: options.resolveExtensions,
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: 'unused',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const core = new Set();
  const visit = (file) => {
    if (core.has(file)) return;
    core.add(file);
    for (const edge of metafile.inputs[file]?.imports ?? [])
      if (edge.kind === 'import-statement') visit(edge.path);
  };
  visit(relative(options.absWorkingDir, entry));
  return core;
}

/** The pack a module belongs to: a pack file itself, or a private copy made for one. */
function packOf(importer, namespace) {
  if (namespace === NAMESPACE) return SUFFIX.exec(importer)?.[1];
  return /[\\/]src[\\/]packs[\\/]([a-z]+-[a-z]+)\.ts$/.exec(importer)?.[1];
}

/** `entry` is the script hosts load (src/index.ts); `options`, the build's own. */
export function privatePacks(entry) {
  return {
    name: 'guichet-private-packs',
    setup(build) {
      const options = build.initialOptions;
      let core = new Set();
      build.onStart(async () => {
        core = await coreFiles(options, entry);
      });
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
        if (resolved.namespace !== 'file' || core.has(relative(options.absWorkingDir, resolved.path))) {
          return resolved;
        }
        return { path: `${resolved.path}#${pack}`, namespace: NAMESPACE };
      });
      build.onLoad({ filter: SUFFIX, namespace: NAMESPACE }, (args) => {
        const file = args.path.replace(SUFFIX, '');
        const loader = { '.ts': 'ts', '.json': 'json', '.mjs': 'js', '.js': 'js' }[extname(file)];
        return { contents: readFileSync(file, 'utf8'), loader, resolveDir: dirname(file) };
      });
    },
  };
}
