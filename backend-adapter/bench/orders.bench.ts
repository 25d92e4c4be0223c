/**
 * Order creations per second: donations paid through the simulation, created over HTTP by 64 clients on
 * keep-alive connections against the host running in its own process (the two cores of the target machine:
 * one for the host, one for the load).
 */
import { benchDatabases } from './support/databases';
import { BENCH_ENV, DONATION, benchConfig, payer } from './support/bench-config';
import { load, percentile, report, type Call } from './support/http-load';
import { startServerProcess } from './support/server-process';

const WARMUP = 500;
const ORDERS = 6000;
const CONCURRENCY = 64;

const order = (i: number): Call => ({
  method: 'POST',
  path: '/v1/sites/bench/forms/don/orders',
  body: JSON.stringify({
    kind: 'donation',
    locale: 'fr',
    payment: { provider: 'simulation' },
    payer: { ...payer, email: `donor${i}@example.org` },
    donation: { amount: 1000 + (i % 500), frequency: 'once' },
  }),
  headers: { 'idempotency-key': `bench-${process.pid}-${i}` },
});

async function main() {
  for await (const db of benchDatabases()) {
    const server = await startServerProcess(benchConfig(db.storage, [DONATION]), { ...BENCH_ENV, ...db.env });
    try {
      await load(
        server.url,
        Array.from({ length: WARMUP }, (_, i) => order(-i - 1)),
        CONCURRENCY,
      );
      const cpuBefore = (await server.stats()).cpuMs;
      const { outcomes, seconds } = await load(
        server.url,
        Array.from({ length: ORDERS }, (_, i) => order(i)),
        CONCURRENCY,
      );
      const cpuMs = (await server.stats()).cpuMs - cpuBefore;
      const created = outcomes.filter((o) => o.status === 201).length;
      if (created !== ORDERS)
        console.log(
          `(${ORDERS - created} orders were refused: ${outcomes.find((o) => o.status !== 201)?.body})`,
        );
      report(`order creations (${db.name})`, created / seconds, 'orders/s', '≥ 2000 orders/s on SQLite');
      // Wall-clock throughput depends on what else the machine runs; the host's own CPU time per order does not.
      report(
        `order creations per host CPU core (${db.name})`,
        (created / cpuMs) * 1000,
        'orders/s',
        '≥ 2000 orders/s on SQLite',
      );
      report(
        `order creation p99 latency at ${CONCURRENCY} in flight (${db.name})`,
        percentile(
          outcomes.map((o) => o.ms),
          99,
        ),
        'ms',
        'none, for reference',
        1,
      );
    } finally {
      await server.stop();
      await db.dispose();
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
