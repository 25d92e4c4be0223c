// Gzipped size of what a visitor downloads per form, from esbuild's metafile; printed by build.mjs and the bench.
// Output paths in the metafile are relative to the repository root (build.mjs sets esbuild's working directory).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gzipBytes = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const KINDS = ['donation', 'membership', 'tickets'];

/**
 * Gzipped bytes a visitor downloads for one form (kind × language), from the build's metafile: the entry and
 * its static imports (the core, with the payment and status steps), the chunk of the kind in that language
 * (`form`). Paying adds nothing of ours offline or by card; the simulation (a demo and test provider) adds its
 * test-card step (`simulation`); card payers also fetch Stripe's own loader package (`stripe`), which like
 * Stripe.js itself is not ours and is shown apart.
 */
export function formSizes(metafile, dist) {
  const outputs = metafile.outputs;
  /** The chunk holding a source module (paths relative to the repository root). */
  const holding = (module) => {
    const found = Object.keys(outputs).find(
      (file) =>
        file.endsWith('.js') && Object.keys(outputs[file].inputs).some((input) => input.includes(module)),
    );
    if (!found) throw new Error(`no output holds ${module}`);
    return found;
  };
  const closure = (files, seen = new Set()) => {
    for (const file of files.filter((f) => !seen.has(f))) {
      seen.add(file);
      closure(
        outputs[file].imports.filter((i) => i.kind === 'import-statement').map((i) => i.path),
        seen,
      );
    }
    return seen;
  };
  const bytes = (files) => [...files].reduce((sum, file) => sum + gzipBytes(join(dist, '..', '..', file)), 0);
  return KINDS.flatMap((kind) =>
    ['fr', 'en'].map((language) => {
      const form = closure([
        holding('shared-widgets/src/index.ts'),
        holding(`shared-widgets/src/packs/${kind}-${language}.ts`),
      ]);
      const simulation = closure([holding('shared-widgets/src/payment/simulation.ts')], new Set(form));
      const stripe = closure([holding('node_modules/@stripe/stripe-js/')], new Set(form));
      const [a, b, c] = [bytes(form), bytes(simulation), bytes(stripe)];
      return { kind, language, form: a, simulation: b - a, stripe: c - a, files: [...form] };
    }),
  );
}

/** The budget lines: the heaviest form, alone (offline, card) and with the simulation's step. */
export function sizeReport(metafile, dist) {
  const kb = (bytes) => (bytes / 1000).toFixed(1);
  const sizes = formSizes(metafile, dist);
  const lines = sizes.map(
    (s) =>
      `widget-js-gzip[${s.kind},${s.language}]: form ${s.form} B (+ simulation step ${s.simulation} B) (+ Stripe loader ${s.stripe} B)`,
  );
  // In bytes: rounded to 0.1 KB, 12 049 bytes would read as meeting the budget.
  const worst = (more) => Math.max(...sizes.map((s) => s.form + more(s)));
  lines.push(
    `widget-js-gzip: ${worst(() => 0)} B (target ≤ 12000 B; card or offline payment, Stripe's code apart)`,
  );
  lines.push(
    `widget-js-gzip-simulation: ${worst((s) => s.simulation)} B (target ≤ 12000 B; with the test provider's step)`,
  );
  lines.push(`widget-css-gzip: ${kb(gzipBytes(join(dist, 'guichet.css')))} KB (target ≤ 4 KB)`);
  return lines.join('\n');
}

/**
 * Where the gzipped bytes of one form come from, per source module (largest first): each module's share of its
 * file's minified bytes (esbuild's metafile, before Terser's pass), times that file's gzipped size as served.
 * An estimate (gzip does not compress every part of a file alike), good enough to know what to attack first.
 */
export function moduleShares(metafile, dist, kind, language) {
  const sizes = formSizes(metafile, dist);
  const form = sizes.find((s) => s.kind === kind && s.language === language);
  if (!form) throw new Error(`no form ${kind}-${language}`);
  const shares = new Map();
  for (const file of form.files) {
    const output = metafile.outputs[file];
    const ratio = gzipBytes(join(dist, '..', '..', file)) / output.bytes;
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      // Private copies of a pack (path#donation-fr) and per-language catalogues count as their source file.
      const name = input
        .replace(/^[\w-]+:/, '')
        .replace(/#.*$/, '')
        .replace(/^.*?(shared-widgets|backend-adapter)\//, '$1/');
      shares.set(name, (shares.get(name) ?? 0) + bytesInOutput * ratio);
    }
  }
  return [...shares].sort((a, b) => b[1] - a[1]);
}
