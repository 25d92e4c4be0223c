// The PHP adapter's storage contract (22 PHPUnit cases, including a seat rush and a promo-code rush across PHP
// processes) on the plugin's $wpdb storage, in a real WordPress on the SQLite drop-in and on MariaDB: Debian's
// phpunit runs storage/WpOrderStorageContractTest.php inside the test site.
import { join } from 'node:path';
import { withGuichet } from './guichet-site';
import { describeOnMariaDB } from './mariadb';
import { phpunitInSite } from './phpunit-in-site';

jest.setTimeout(180_000);

const CONTRACT = join(__dirname, 'storage/WpOrderStorageContractTest.php');

// phpunitInSite asks for a plain OK: no case skipped, the multi-process rushes included.
test('the plugin storage passes every case of the adapter storage contract', async () => {
  await withGuichet({}, async (site) => {
    await phpunitInSite(site, CONTRACT, 'sqlite');
  });
});

describeOnMariaDB('wordpress storage contract', (test) => {
  test('the plugin storage passes every case of the adapter storage contract', (mysql) =>
    withGuichet({ mysql }, async (site) => {
      await phpunitInSite(site, CONTRACT, 'mysql');
    }));
});
