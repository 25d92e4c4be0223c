// The PHP adapter's storage contract (22 PHPUnit cases, including a seat rush and a promo-code rush across PHP
// processes) on the plugin's $wpdb storage, in a real WordPress on the SQLite drop-in and on MariaDB: Debian's
// phpunit runs storage/WpOrderStorageContractTest.php inside the test site.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { StartOptions, WordPressSite } from './wp-server';
import { startGuichet } from './guichet-site';
import { describeOnMariaDB } from './mariadb';

jest.setTimeout(180_000);

async function runContract(site: WordPressSite): Promise<void> {
  const { code, output } = await new Promise<{ code: number; output: string }>((done) => {
    execFile(
      'phpunit',
      ['--colors=never', join(__dirname, 'storage/WpOrderStorageContractTest.php')],
      {
        env: { ...process.env, GUICHET_WP_SITE: site.dir, GUICHET_WP_HOST: new URL(site.url).host },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    );
  });
  if (code !== 0) throw new Error(`phpunit failed:\n${output}`);
  // Plain OK: no case skipped (the multi-process rushes included).
  expect(output).toMatch(/^OK \(\d+ tests, \d+ assertions\)$/m);
}

async function withSite(options: StartOptions, body: (site: WordPressSite) => Promise<void>): Promise<void> {
  const site = await startGuichet(options);
  try {
    await body(site);
  } finally {
    await site.stop();
  }
}

test('the plugin storage passes every case of the adapter storage contract', async () => {
  await withSite({}, runContract);
});

describeOnMariaDB('wordpress storage contract', (test) => {
  test('the plugin storage passes every case of the adapter storage contract', (mysql) =>
    withSite({ mysql }, runContract));
});
