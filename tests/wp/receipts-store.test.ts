// The adapter's receipt store contract (numbering from 1 per year, issue keys, the hash-chained ledger, lists,
// and 8 PHP processes issuing about 200 receipts at once with no gap, no duplicate and one chain) on the plugin's
// $wpdb ReceiptStorage, in a real WordPress: on the SQLite drop-in (writers queue on BEGIN IMMEDIATE) and on
// MariaDB (the ledger's counter row locked with SELECT … FOR UPDATE). Debian's phpunit runs
// storage/WpReceiptStoreContractTest.php inside the test site, and plugins/wordpress/tests/ReceiptPiecesTest.php
// (the plugin's own receipt pieces, which need WordPress loaded).
import { join } from 'node:path';
import { ROOT } from './wp-server';
import { withGuichet } from './guichet-site';
import { describeOnMariaDB } from './mariadb';
import { phpunitInSite as phpunit } from './phpunit-in-site';

jest.setTimeout(240_000);

const CONTRACT = join(__dirname, 'storage/WpReceiptStoreContractTest.php');
const PIECES = join(ROOT, 'plugins/wordpress/tests/ReceiptPiecesTest.php');

test('SQLite: the plugin receipt storage passes every case of the adapter receipt store contract', async () => {
  await withGuichet({}, async (site) => {
    console.log(`wordpress receipt store contract (sqlite): ${await phpunit(site, CONTRACT, 'sqlite')}`);
  });
});

test("the plugin's receipt pieces (settings, sanitizer, donor form, January run, link) pass their PHPUnit cases", async () => {
  await withGuichet({}, async (site) => {
    await phpunit(site, PIECES, 'sqlite');
  });
});

describeOnMariaDB('wordpress receipt store contract', (test) => {
  test('the plugin receipt storage passes every case of the adapter receipt store contract', (mysql) =>
    withGuichet({ mysql }, async (site) => {
      console.log(`wordpress receipt store contract (mysql): ${await phpunit(site, CONTRACT, 'mysql')}`);
    }));
});
