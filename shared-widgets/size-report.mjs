// Gzipped size of what a visitor downloads per form, from esbuild's metafile; printed by build.mjs and the bench.
// Output paths in the metafile are relative to the repository root (build.mjs sets esbuild's working directory).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gzipBytes = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const KINDS = ['donation', 'membership', 'tickets'];

/**
 * Gzipped bytes a visitor downloads for one form (kind × language), from the build's metafile: the entry and
 * its static imports, the kind's and the language's chunks (`form`); after submitting, the payment steps'
 * chunk (`steps`); Stripe payers also fetch the chunk holding @stripe/stripe-js's loader (`stripe`).
 * Stripe.js itself is never counted.
 */
export function formSizes(metafile, dist) {
  const outputs = metafile.outputs;
  const find = (pattern) => {
    const found = Object.keys(outputs).find((file) => file.endsWith('.js') && pattern.test(file));
    if (!found) throw new Error(`no output matches ${pattern}`);
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
        find(/dist\/guichet\.js$/),
        find(new RegExp(`/${kind}-`)),
        find(new RegExp(`/${language}-`)),
      ]);
      const steps = closure([find(/\/steps-/)], new Set(form));
      const stripe = closure([find(/\/stripe-/)], new Set(steps));
      const [a, b, c] = [bytes(form), bytes(steps), bytes(stripe)];
      return { kind, language, form: a, steps: b - a, stripe: c - b };
    }),
  );
}

/** The budget lines: the heaviest form with its payment steps (Stripe's loader shown apart, like Stripe.js). */
export function sizeReport(metafile, dist) {
  const kb = (bytes) => (bytes / 1000).toFixed(1);
  const sizes = formSizes(metafile, dist);
  const lines = sizes.map(
    (s) =>
      `widget-js-gzip[${s.kind},${s.language}]: form ${kb(s.form)} KB + payment steps ${kb(s.steps)} KB (+ Stripe loader ${kb(s.stripe)} KB)`,
  );
  const worst = Math.max(...sizes.map((s) => s.form + s.steps));
  lines.push(`widget-js-gzip: ${kb(worst)} KB (target ≤ 12 KB)`);
  lines.push(`widget-css-gzip: ${kb(gzipBytes(join(dist, 'guichet.css')))} KB (target ≤ 4 KB)`);
  return lines.join('\n');
}
