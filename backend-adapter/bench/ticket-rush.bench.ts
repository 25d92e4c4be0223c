/**
 * A ticket rush: 1 000 buyers at the same instant for 100 seats. Exactly 100 must get a seat (201); the others
 * are told it is sold out (409). Latency is measured per buyer, from request to answer. Two shapes of the rush:
 * - direct: each buyer opens its own connection to the host (the host accepts 1 000 new connections at once);
 * - behind a reverse proxy: the 1 000 requests reach the host over 64 kept-alive connections, as nginx or Caddy
 *   in front of the host would pass them.
 */
import { benchDatabases } from './support/databases';
import { BENCH_ENV, benchConfig, payer, rushForm } from './support/bench-config';
import { load, percentile, report, type Call } from './support/http-load';
import { startServerProcess } from './support/server-process';

const BUYERS = 1000;
const SEATS = 100;

const buyer = (i: number, form: string): Call => ({
  method: 'POST',
  path: `/v1/sites/bench/forms/${form}/orders`,
  body: JSON.stringify({
    kind: 'tickets',
    locale: 'fr',
    payment: { provider: 'simulation' },
    payer: { ...payer, email: `fan${i}@example.org` },
    tickets: { items: [{ typeId: 'plein', quantity: 1 }] },
  }),
});

async function main() {
  for await (const db of benchDatabases()) {
    const forms = [
      { ...rushForm(SEATS), id: 'direct' },
      { ...rushForm(SEATS), id: 'proxied' },
      { ...rushForm(1_000_000), id: 'warmup' },
    ];
    const server = await startServerProcess(benchConfig(db.storage, forms), { ...BENCH_ENV, ...db.env });
    try {
      // The host has been serving for a while when a sale opens: warm it up on another form first.
      await load(
        server.url,
        Array.from({ length: 1000 }, (_, i) => buyer(i, 'warmup')),
        64,
      );
      for (const [form, connections] of [
        ['direct', BUYERS],
        ['proxied', 64],
      ] as const) {
        const cpuBefore = (await server.stats()).cpuMs;
        const { outcomes, seconds } = await load(
          server.url,
          Array.from({ length: BUYERS }, (_, i) => buyer(i, form)),
          connections,
        );
        const cpuMs = (await server.stats()).cpuMs - cpuBefore;
        const sold = outcomes.filter((o) => o.status === 201).length;
        const refused = outcomes.filter((o) => o.status === 409).length;
        const latencies = outcomes.map((o) => o.ms);
        const name = `ticket rush, ${form === 'direct' ? `${BUYERS} connections` : 'behind a proxy, 64 connections'}`;
        report(
          `${name}: seats sold (${db.name})`,
          sold,
          `of ${SEATS}, ${refused} buyers told sold out`,
          `exactly ${SEATS}`,
        );
        report(
          `${name}: p50 latency (${db.name})`,
          percentile(latencies, 50),
          'ms',
          'none, for reference',
          1,
        );
        report(`${name}: p99 latency (${db.name})`, percentile(latencies, 99), 'ms', '≤ 300 ms', 1);
        report(
          `${name}: host CPU per buyer (${db.name})`,
          cpuMs / BUYERS,
          'ms',
          `none; ${seconds.toFixed(2)} s wall`,
          2,
        );
        if (sold !== SEATS) console.log(`!! OVERSOLD OR UNDERSOLD: ${sold} seats sold for ${SEATS}`);
      }
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
