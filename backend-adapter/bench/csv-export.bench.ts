/**
 * CSV export of 100 000 orders through the back-office route, streamed to a client that reads it to the end.
 * Time is measured from request to last byte; memory is the host process's peak RSS growth during the export.
 */
import http from 'node:http';
import { SqlStorage, type OrderRecord } from '../src/storage';
import { PostgresDriver } from '../src/storage/postgres/postgres-driver';
import { SqliteDriver } from '../src/storage/sqlite/sqlite-driver';
import { ORDER_COLUMNS, orderValues, placeholders } from '../src/storage/rows';
import type { SqlDriver } from '../src/storage/sql-driver';
import { benchDatabases, type BenchDatabase } from './support/databases';
import { ADMIN_TOKEN, BENCH_ENV, DONATION, benchConfig, payer } from './support/bench-config';
import { report } from './support/http-load';
import { startServerProcess } from './support/server-process';

const ORDERS = 100_000;
const BATCH = 500;

async function main() {
  for await (const db of benchDatabases()) {
    await seed(db);
    const server = await startServerProcess(benchConfig(db.storage, [DONATION]), { ...BENCH_ENV, ...db.env });
    try {
      const before = await server.stats();
      const started = process.hrtime.bigint();
      const { bytes, lines } = await download(`${server.url}/v1/sites/bench/admin/orders.csv`);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const after = await server.stats();
      if (lines !== ORDERS + 1) console.log(`(${lines} lines exported, expected ${ORDERS + 1})`);
      report(`csv export of ${ORDERS} orders (${db.name})`, seconds, 's', '≤ 3 s', 2);
      report(
        `csv export host CPU time (${db.name})`,
        (after.cpuMs - before.cpuMs) / 1000,
        's',
        '≤ 3 s of wall time',
        2,
      );
      report(`csv export size (${db.name})`, bytes / 1e6, 'MB', 'none, for reference', 1);
      report(
        `csv export peak memory growth (${db.name})`,
        Math.max(0, after.peakRss - before.rss) / 2 ** 20,
        'MB',
        '≤ 64 MB',
        1,
      );
    } finally {
      await server.stop();
      await db.dispose();
    }
  }
}

/** 100 000 paid donations written straight into the tables, in batches of multi-row INSERTs. */
async function seed(db: BenchDatabase): Promise<void> {
  const url = db.env.GUICHET_BENCH_DATABASE_URL;
  const driver: SqlDriver =
    'sqlite' in db.storage
      ? new SqliteDriver((db.storage as { sqlite: string }).sqlite)
      : new PostgresDriver(url as string);
  const storage = new SqlStorage(driver);
  await storage.migrate();
  const start = Date.UTC(2026, 0, 1);
  const row = `(${placeholders(ORDER_COLUMNS.length)})`;
  for (let done = 0; done < ORDERS; done += BATCH) {
    const values = Array.from({ length: BATCH }, (_, i) => orderValues(order(done + i, start))).flat();
    await driver.transaction((q) =>
      q.run(
        `INSERT INTO orders (${ORDER_COLUMNS.join(', ')}) VALUES ${Array(BATCH).fill(row).join(', ')}`,
        values,
      ),
    );
  }
  // After a bulk load PostgreSQL's autovacuum would refresh the statistics within a minute; do it now, so the
  // export is planned as on a live database (an index range scan per page, not a sort of the whole table).
  if (driver.dialect === 'postgres') await driver.run('ANALYZE orders');
  await storage.close();
}

function order(i: number, start: number): OrderRecord {
  const at = new Date(start + i * 60_000);
  const amount = 1000 + (i % 9000);
  const request = {
    kind: 'donation' as const,
    locale: 'fr' as const,
    payment: { provider: 'simulation' as const },
    payer: {
      ...payer,
      email: `donor${i}@example.org`,
      lastName: i % 97 === 0 ? '=HYPERLINK("x")' : `Lovelace ${i}`,
      address: { line1: `${i} rue des Lilas`, postalCode: '93100', city: 'Montreuil', country: 'FR' },
    },
    donation: { amount, frequency: 'once' as const, taxReceipt: true },
  };
  return {
    id: `ord_bench_${i.toString().padStart(6, '0')}`,
    site: 'bench',
    formId: 'don',
    kind: 'donation',
    status: i % 10 === 0 ? 'pending' : 'paid',
    currency: 'EUR',
    total: amount,
    taxEligibleAmount: amount,
    refundedAmount: 0,
    recurring: null,
    lines: [
      { kind: 'donation', label: 'Don', unitAmount: amount, quantity: 1, amount, taxEligibleAmount: amount },
    ],
    provider: 'simulation',
    providerRef: null,
    paymentRef: null,
    subscriptionRef: null,
    offlineMethod: null,
    locale: 'fr',
    email: request.payer.email,
    firstName: request.payer.firstName,
    lastName: request.payer.lastName,
    request,
    reference: `G-${i.toString(36).toUpperCase().padStart(8, '0')}`,
    tokenHash: 'f'.repeat(64),
    next: null,
    promoCode: null,
    createdAt: at,
    updatedAt: at,
    paidAt: i % 10 === 0 ? null : at,
    expiresAt: null,
    failureCode: null,
    checkedAt: null,
  };
}

function download(url: string): Promise<{ bytes: number; lines: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }, (response) => {
        if (response.statusCode !== 200) reject(new Error(`export answered ${response.statusCode}`));
        let bytes = 0;
        let lines = 0;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        });
        response.on('end', () => resolve({ bytes, lines }));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
