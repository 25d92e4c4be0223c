// Debian's phpunit on a test file that loads a running test site (GUICHET_WP_SITE): the adapter's contracts on
// the plugin's $wpdb stores, and the plugin's own pieces that need WordPress loaded.
import { execFile } from 'node:child_process';
import type { WordPressSite } from './wp-server';

/**
 * Runs one PHPUnit file inside `site` (whose database is `engine`); resolves with its summary line. A plain
 * "OK (…)" is required: a skipped case (a rush across processes that could not start) fails as a failure does.
 */
export function phpunitInSite(
  site: WordPressSite,
  file: string,
  engine: 'sqlite' | 'mysql',
): Promise<string> {
  return new Promise((done, fail) => {
    execFile(
      'phpunit',
      ['--colors=never', file],
      {
        env: {
          ...process.env,
          GUICHET_WP_SITE: site.dir,
          GUICHET_WP_HOST: new URL(site.url).host,
          GUICHET_WP_ENGINE: engine,
        },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const output = stdout + stderr;
        const ok = output.match(/^OK \(\d+ tests, \d+ assertions\)$/m)?.[0];
        if (error || !ok) fail(new Error(`phpunit ${file} failed:\n${output}`));
        else done(ok);
      },
    );
  });
}
