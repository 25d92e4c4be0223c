// The adapter's receipt store contract (numbering from 1 per year, issue keys, the hash-chained ledger, lists,
// and 8 PHP processes issuing about 200 receipts at once with no gap, no duplicate and one chain) on the plugin's
// $wpdb ReceiptStorage, in a real WordPress: on the SQLite drop-in (writers queue on BEGIN IMMEDIATE) and on
// MariaDB (the ledger's counter row locked with SELECT … FOR UPDATE). Debian's phpunit runs
// storage/WpReceiptStoreContractTest.php inside the test site, and plugins/wordpress/tests/ReceiptPiecesTest.php
// (the plugin's own receipt pieces, which need WordPress loaded).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, type StartOptions, type WordPressSite } from './wp-server';
import { startGuichet } from './guichet-site';
import { describeOnMariaDB } from './mariadb';

jest.setTimeout(240_000);

/** Runs one PHPUnit file inside the site; its summary line, or an error with the whole output. */
function phpunit(site: WordPressSite, file: string, engine: 'sqlite' | 'mysql'): Promise<string> {
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
        // Plain OK: no case skipped (the concurrent issuers included).
        const ok = output.match(/^OK \(\d+ tests, \d+ assertions\)$/m)?.[0];
        if (error || !ok) fail(new Error(`phpunit ${file} failed:\n${output}`));
        else done(ok);
      },
    );
  });
}

async function withSite(options: StartOptions, body: (site: WordPressSite) => Promise<void>): Promise<void> {
  const site = await startGuichet(options);
  try {
    await body(site);
  } finally {
    await site.stop();
  }
}

const CONTRACT = join(__dirname, 'storage/WpReceiptStoreContractTest.php');
const PIECES = join(ROOT, 'plugins/wordpress/tests/ReceiptPiecesTest.php');

test('SQLite: the plugin receipt storage passes every case of the adapter receipt store contract', async () => {
  await withSite({}, async (site) => {
    console.log(`wordpress receipt store contract (sqlite): ${await phpunit(site, CONTRACT, 'sqlite')}`);
  });
});

test("the plugin's receipt pieces (settings, sanitizer, donor form, January run, link) pass their PHPUnit cases", async () => {
  await withSite({}, async (site) => {
    await phpunit(site, PIECES, 'sqlite');
  });
});

describeOnMariaDB('wordpress receipt store contract', (test) => {
  test('the plugin receipt storage passes every case of the adapter receipt store contract', (mysql) =>
    withSite({ mysql }, async (site) => {
      console.log(`wordpress receipt store contract (mysql): ${await phpunit(site, CONTRACT, 'mysql')}`);
    }));
});
