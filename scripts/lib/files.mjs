// A tiny recursive file finder (Node 20 has no fs.glob), skipping installed and generated trees.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './proc.mjs';

const SKIP = new Set(['node_modules', 'vendor', 'dist', 'build', '.git', '.cache', 'coverage', 'artifacts']);

/** Paths (relative to the repo root, sorted) of the files under `dirs` whose relative path passes `test`. */
export function findFiles(dirs, test) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP.has(entry.name)) walk(path);
      } else if (test(relative(ROOT, path))) {
        found.push(relative(ROOT, path));
      }
    }
  };
  for (const dir of dirs) if (existsSync(join(ROOT, dir))) walk(join(ROOT, dir));
  return found.sort();
}
