// The adapter's receipt store contract (numbering from 1 per year, issue keys, the hash-chained ledger, lists,
// and 8 PHP processes issuing about 200 receipts at once with no gap, no duplicate and one chain) on the plugin's
// $wpdb ReceiptStorage, in a real WordPress: on the SQLite drop-in (writers queue on BEGIN IMMEDIATE) and on
// MariaDB (the ledger's counter row locked with SELECT … FOR UPDATE). Debian's phpunit runs
// storage/WpReceiptStoreContractTest.php inside the test site.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { StartOptions, WordPressSite } from './wp-server';
import { startGuichet } from './guichet-site';
import { mariadbMissing, startMariaDB, type MariaDB } from './mariadb';

jest.setTimeout(240_000);

async function contract(options: StartOptions, engine: 'sqlite' | 'mysql'): Promise<void> {
  const site: WordPressSite = await startGuichet(options);
  try {
    const { code, output } = await new Promise<{ code: number; output: string }>((done) => {
      execFile(
        'phpunit',
        ['--colors=never', join(__dirname, 'storage/WpReceiptStoreContractTest.php')],
        {
          env: {
            ...process.env,
            GUICHET_WP_SITE: site.dir,
            GUICHET_WP_HOST: new URL(site.url).host,
            GUICHET_WP_ENGINE: engine,
          },
          maxBuffer: 16 * 1024 * 1024,
        },
        (error, stdout, stderr) =>
          done({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
      );
    });
    if (code !== 0) throw new Error(`phpunit failed:\n${output}`);
    // Plain OK: no case skipped (the concurrent issuers included).
    expect(output).toMatch(/^OK \(\d+ tests, \d+ assertions\)$/m);
    console.log(`wordpress receipt store contract (${engine}): ${output.match(/^OK \(.*\)$/m)?.[0] ?? ''}`);
  } finally {
    await site.stop();
  }
}

test('SQLite: the plugin receipt storage passes every case of the adapter receipt store contract', async () => {
  await contract({}, 'sqlite');
});

describe('MariaDB', () => {
  const missing = mariadbMissing();
  // Absent MariaDB is a reason to skip on a developer's machine, never under CI.
  const runs = missing === null || process.env.CI === 'true';
  if (!runs) console.log(`wordpress receipt store contract on MariaDB skipped: ${missing}`);
  let mariadb: MariaDB | undefined;

  beforeAll(async () => {
    if (runs) mariadb = await startMariaDB();
  });

  afterAll(async () => {
    await mariadb?.stop();
  });

  (runs ? test : test.skip)(
    'the plugin receipt storage passes every case of the adapter receipt store contract',
    async () => {
      if (!mariadb) throw new Error(`MariaDB is required under CI: ${missing}`);
      const database = await mariadb.createDatabase('wp_receipts');
      await contract({ mysql: { host: mariadb.host, port: mariadb.port, database } }, 'mysql');
    },
  );
});
