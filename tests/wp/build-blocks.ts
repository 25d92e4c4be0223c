// Builds the plugin's blocks with wp-scripts when build/ is missing or older than src/ (build/ is not committed).
// Test files run in parallel workers, so a lock directory lets one build while the others wait for it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, ROOT } from './wp-server';

const PLUGIN = join(ROOT, 'plugins/wordpress');

function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
}

const upToDate = (): boolean =>
  existsSync(join(PLUGIN, 'build/blocks/tickets/index.js')) &&
  newest(join(PLUGIN, 'build')) >= newest(join(PLUGIN, 'src'));

export async function ensureBlocksBuilt(): Promise<void> {
  const lock = join(CACHE, 'wp-blocks-build.lock');
  mkdirSync(CACHE, { recursive: true });
  for (;;) {
    if (upToDate()) return;
    try {
      mkdirSync(lock);
    } catch {
      // Someone else is building: wait, then look again (a lock older than 3 minutes is a crashed build).
      if (Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((wake) => setTimeout(wake, 500));
      continue;
    }
    try {
      if (!upToDate()) {
        execFileSync(
          process.execPath,
          [join(ROOT, 'node_modules/@wordpress/scripts/bin/wp-scripts.js'), 'build', '--webpack-copy-php'],
          {
            cwd: PLUGIN,
            stdio: 'pipe',
          },
        );
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
