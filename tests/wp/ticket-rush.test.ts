// Many buyers at once for a few seats, through php -S with 4 workers on the SQLite drop-in: exactly the quota
// is sold, every other buyer hears "not enough available", and nothing is left half-written.
import type { WordPressSite } from './wp-server';
import { call, phpProblems, saveForm, startGuichet, ticketsForm } from './guichet-site';

jest.setTimeout(180_000);

const QUOTA = 25;
const BUYERS = 80;

let site: WordPressSite;

beforeAll(async () => {
  site = await startGuichet({ workers: 4 });
  await saveForm(site, ticketsForm('rush', { plein: QUOTA }));
});

afterAll(async () => {
  await site?.stop();
});

test(`${BUYERS} concurrent buyers of one seat each for ${QUOTA} seats: exactly ${QUOTA} orders hold a seat`, async () => {
  const started = Date.now();
  const answers = await Promise.all(
    Array.from({ length: BUYERS }, (_, i) =>
      call(site, 'POST', '/forms/rush/orders', {
        kind: 'tickets',
        locale: 'fr',
        payment: { provider: 'simulation' },
        payer: { email: `buyer${i}@example.fr`, firstName: 'Ana', lastName: `Buyer${i}` },
        tickets: { items: [{ typeId: 'plein', quantity: 1 }] },
      }),
    ),
  );
  const elapsed = Date.now() - started;
  const statuses = answers.map((answer) => answer.status);
  const created = statuses.filter((status) => status === 201).length;
  const refused = answers.filter((answer) => answer.status === 409);
  expect({ created, refused: refused.length, other: BUYERS - created - refused.length }).toEqual({
    created: QUOTA,
    refused: BUYERS - QUOTA,
    other: 0,
  });
  for (const answer of refused) {
    expect((answer.body.error as { code: string }).code).toMatch(/^(sold_out|not_enough_available)$/);
  }
  const definition = await call(site, 'GET', '/forms/rush');
  expect((definition.body.tickets as { types: { available: number }[] }).types[0]?.available).toBe(0);
  const held = await site.php(
    `global $wpdb; echo $wpdb->get_var("SELECT SUM(quantity) FROM {$wpdb->prefix}guichet_seats WHERE form_id = 'rush' AND state = 'held'");`,
  );
  expect(Number(held)).toBe(QUOTA);
  expect(phpProblems(site)).toEqual([]);
  console.log(`wordpress ticket rush: ${BUYERS} buyers / ${QUOTA} seats in ${elapsed} ms (${created} sold)`);
});
