// Many donors paying at once through the REST API of a real WordPress (php -S with 4 workers), on the SQLite
// drop-in and on MariaDB: each gift paid gets its own receipt, the year's numbers run 1…N with no gap and no
// duplicate, and the hash-chained ledger verifies.
import type { StartOptions, WordPressSite } from './wp-server';
import { donationForm, phpProblems, saveForm, startGuichet } from './guichet-site';
import { describeOnMariaDB } from './mariadb';
import { paidDonation, RECEIPT_ISSUER } from './receipts-site';
import { RECEIPT_DONOR } from '../support/simulation-donation';

jest.setTimeout(240_000);

const DONORS = 30;

async function rush(options: StartOptions, database: string): Promise<void> {
  const site: WordPressSite = await startGuichet({ workers: 4, ...options }, { receipts: RECEIPT_ISSUER });
  try {
    await saveForm(site, donationForm('dons'));
    const started = Date.now();
    const paid = await Promise.all(
      Array.from({ length: DONORS }, (_, i) =>
        paidDonation(site, 'dons', 1000 + i, true, { ...RECEIPT_DONOR, email: `donor${i}@example.fr` }),
      ),
    );
    const elapsed = Date.now() - started;
    expect(paid.filter((p) => (p.confirmed.order as { status: string }).status === 'paid')).toHaveLength(
      DONORS,
    );
    const state = JSON.parse(
      await site.php(`
        $site = Guichet\\WordPress\\Site::get();
        $receipts = $site->receiptStore->listReceipts([], 1000, 0);
        echo wp_json_encode([
          'sequences' => array_column($receipts, 'sequence'),
          'positions' => array_column($receipts, 'position'),
          'orders' => array_merge(...array_column($receipts, 'orderIds')),
          'verify' => $site->receipts()->verify(),
        ]);`),
    ) as { sequences: number[]; positions: number[]; orders: string[]; verify: { ok: boolean } };
    const range = Array.from({ length: DONORS }, (_, i) => i + 1);
    expect([...state.sequences].sort((a, b) => a - b)).toEqual(range);
    expect(state.positions).toEqual(range);
    expect([...state.orders].sort()).toEqual(paid.map((p) => p.id).sort());
    expect(state.verify.ok).toBe(true);
    expect(phpProblems(site)).toEqual([]);
    console.log(`wordpress receipts rush (${database}): ${DONORS} gifts paid at once in ${elapsed} ms`);
  } finally {
    await site.stop();
  }
}

test(`SQLite: ${DONORS} donors paying at once get receipts numbered 1…${DONORS}, one each, and the ledger verifies`, async () => {
  await rush({}, 'SQLite');
});

describeOnMariaDB('wordpress receipts rush', (test) => {
  test(`${DONORS} donors paying at once get receipts numbered 1…${DONORS}, one each, and the ledger verifies`, (mysql) =>
    rush({ mysql }, 'MariaDB'));
});
