// `npm run bench`: Guichet through a real WordPress (php -S, 4 workers, SQLite drop-in). Prints figures, never
// fails on one: POST orders against a bare REST route of the same site, webhook events applied per second, and a
// ticket rush of 200 buyers for 50 seats.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signSimulationEvent } from '../../../backend-adapter/src/providers';
import { donationForm, donationRequest } from '../../contract/support/forms';
import { call, rushBuyers, saveForm, startGuichet, ticketsForm, type Json } from '../guichet-site';
import type { WordPressSite } from '../wp-server';

const SECRET = 'bench-simulation-secret-0123456789';
const ROUNDS = 100;
const EVENTS = 200;
const BUYERS = 200;
const SEATS = 50;

/** The cheapest route WordPress can serve: the same boot, auth and JSON answer, no Guichet work. */
const BARE_ROUTE = `<?php
add_action('rest_api_init', static function (): void {
    register_rest_route('bench/v1', '/ping', [
        'methods' => 'POST',
        'callback' => static function () { return new WP_REST_Response(['ok' => true], 201); },
        'permission_callback' => '__return_true',
    ]);
});
`;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

async function timed(send: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await send();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function latency(site: WordPressSite, formId: string): Promise<string[]> {
  const ping = () =>
    fetch(`${site.url}/wp-json/bench/v1/ping`, { method: 'POST', body: '{}' }).then((r) => r.text());
  const order = () => call(site, 'POST', `/forms/${formId}/orders`, donationRequest());
  for (let i = 0; i < 10; i++) await Promise.all([ping(), order()]);
  const bare: number[] = [];
  const orders: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    // Interleaved, so both see the same machine load.
    bare.push(await timed(ping));
    orders.push(await timed(order));
  }
  const ratio = median(orders) / median(bare);
  return [
    `wordpress bare REST route median: ${median(bare).toFixed(1)} ms (reference)`,
    `wordpress POST orders median: ${median(orders).toFixed(1)} ms (reference)`,
    `wordpress POST orders / bare route: ${ratio.toFixed(2)} x (target ≤ 1.3)`,
  ];
}

async function webhooks(site: WordPressSite, formId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < EVENTS; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: 20 }, () => call(site, 'POST', `/forms/${formId}/orders`, donationRequest())),
    );
    ids.push(...batch.map((answer) => (answer.body.order as Json).id as string));
  }
  const send = async (orderId: string) => {
    const at = new Date();
    const event = {
      id: `evt_${orderId}`,
      type: 'payment_succeeded' as const,
      orderId,
      createdAt: at.toISOString(),
    };
    const signed = signSimulationEvent(SECRET, event, at);
    const response = await fetch(`${site.api}/webhooks/simulation`, {
      method: 'POST',
      headers: signed.headers,
      body: signed.body,
    });
    const body = (await response.json()) as { duplicate?: boolean };
    return response.status === 200 && body.duplicate === false;
  };
  // The ceiling: the same number of bare route calls, as concurrent, on the same 4 PHP workers.
  const pings = Array.from({ length: EVENTS }, (_, i) => i);
  const pingStarted = Date.now();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (pings.shift() !== undefined)
        await fetch(`${site.url}/wp-json/bench/v1/ping`, { method: 'POST', body: '{}' }).then((r) =>
          r.text(),
        );
    }),
  );
  const ceiling = EVENTS / ((Date.now() - pingStarted) / 1000);
  const queue = [...ids];
  let applied = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let id = queue.shift(); id; id = queue.shift()) if (await send(id)) applied++;
    }),
  );
  const perSecond = applied / ((Date.now() - started) / 1000);
  return [
    `wordpress webhook events applied: ${applied} of ${EVENTS} (reference)`,
    `wordpress bare REST route calls per second, same concurrency: ${ceiling.toFixed(0)} calls/s (reference)`,
    `wordpress webhook events per second: ${perSecond.toFixed(0)} events/s (target ≥ 100)`,
  ];
}

async function rush(site: WordPressSite): Promise<string[]> {
  await saveForm(site, ticketsForm('bench-rush', { plein: SEATS }));
  const { answers, elapsed } = await rushBuyers(site, 'bench-rush', BUYERS);
  const sold = answers.filter((answer) => answer.status === 201).length;
  const held = await site.php(
    `global $wpdb; echo (int) $wpdb->get_var("SELECT SUM(quantity) FROM {$wpdb->prefix}guichet_seats WHERE form_id = 'bench-rush'");`,
  );
  return [
    `wordpress ticket rush seats sold: ${sold} of ${SEATS} seats, ${held} held in storage (target exactly ${SEATS})`,
    `wordpress ticket rush duration: ${elapsed} ms for ${BUYERS} buyers (reference)`,
  ];
}

async function main(): Promise<void> {
  const site = await startGuichet({ workers: 4 });
  try {
    writeFileSync(join(site.dir, 'wp-content/mu-plugins/bench-route.php'), BARE_ROUTE);
    await site.php(`update_option('guichet_simulation_secret', '${SECRET}', false);`);
    const form = donationForm('bench-don');
    await saveForm(site, form as unknown as Json);
    for (const line of [
      ...(await latency(site, form.id)),
      ...(await webhooks(site, form.id)),
      ...(await rush(site)),
    ])
      console.log(line);
  } finally {
    await site.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
