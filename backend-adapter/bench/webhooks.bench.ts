/**
 * Webhook events applied per second: signed simulation events (`payment_succeeded`), each verified on the raw
 * body, then applied once through the state machine in a storage transaction. 64 deliveries in flight.
 */
import { signSimulationEvent } from '../src/providers';
import { benchDatabases } from './support/databases';
import { BENCH_ENV, DONATION, SIMULATION_SECRET, benchConfig, payer } from './support/bench-config';
import { load, report, type Call } from './support/http-load';
import { startServerProcess } from './support/server-process';

const EVENTS = 4000;
const CONCURRENCY = 64;

async function main() {
  for await (const db of benchDatabases()) {
    const server = await startServerProcess(benchConfig(db.storage, [DONATION]), { ...BENCH_ENV, ...db.env });
    try {
      const body = JSON.stringify({
        kind: 'donation',
        locale: 'fr',
        payment: { provider: 'simulation' },
        payer,
        donation: { amount: 2500, frequency: 'once' },
      });
      const orders = await load(
        server.url,
        Array.from(
          { length: EVENTS },
          () => ({ method: 'POST', path: '/v1/sites/bench/forms/don/orders', body }) as Call,
        ),
        CONCURRENCY,
      );
      const ids = orders.outcomes.map((o) => (JSON.parse(o.body) as { order: { id: string } }).order.id);
      const now = new Date();
      const events: Call[] = ids.map((orderId) => {
        const signed = signSimulationEvent(
          SIMULATION_SECRET,
          {
            id: `evt_${orderId}`,
            type: 'payment_succeeded',
            orderId,
            amount: 2500,
            createdAt: now.toISOString(),
          },
          now,
        );
        return {
          method: 'POST',
          path: '/v1/sites/bench/webhooks/simulation',
          body: signed.body,
          headers: signed.headers,
        };
      });
      const cpuBefore = (await server.stats()).cpuMs;
      const { outcomes, seconds } = await load(server.url, events, CONCURRENCY);
      const cpuMs = (await server.stats()).cpuMs - cpuBefore;
      const applied = outcomes.filter(
        (o) => o.status === 200 && !(JSON.parse(o.body) as { duplicate: boolean }).duplicate,
      );
      if (applied.length !== EVENTS) console.log(`(${EVENTS - applied.length} events were not applied)`);
      report(`webhook events applied (${db.name})`, applied.length / seconds, 'events/s', '≥ 1000 events/s');
      report(
        `webhook events applied per host CPU core (${db.name})`,
        (applied.length / cpuMs) * 1000,
        'events/s',
        '≥ 1000 events/s',
      );
      const replay = await load(server.url, events.slice(0, 1000), CONCURRENCY);
      const duplicates = replay.outcomes.filter(
        (o) => (JSON.parse(o.body) as { duplicate: boolean }).duplicate,
      ).length;
      report(`webhook replays recognised as duplicates (${db.name})`, duplicates, 'of 1000', '1000 of 1000');
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
