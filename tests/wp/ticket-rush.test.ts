// Many buyers at once for a few seats, through php -S with 4 workers, on the SQLite drop-in (writers queue on
// BEGIN IMMEDIATE) and on MariaDB (the form's row locked with SELECT … FOR UPDATE): exactly the quota is sold,
// every other buyer hears "not enough available", and nothing is left half-written.
import type { WordPressSite } from './wp-server';
import { call, phpProblems, rushBuyers, saveForm, ticketsForm, withGuichet } from './guichet-site';
import { describeOnMariaDB } from './mariadb';

jest.setTimeout(180_000);

const QUOTA = 25;
const BUYERS = 80;

async function rush(site: WordPressSite, database: string): Promise<void> {
  await saveForm(site, ticketsForm('rush', { plein: QUOTA }));
  const { answers, elapsed } = await rushBuyers(site, 'rush', BUYERS);
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
  console.log(
    `wordpress ticket rush (${database}): ${BUYERS} buyers / ${QUOTA} seats in ${elapsed} ms (${created} sold)`,
  );
}

test(`SQLite: ${BUYERS} concurrent buyers of one seat each for ${QUOTA} seats: exactly ${QUOTA} orders hold a seat`, async () => {
  await withGuichet({ workers: 4 }, (site) => rush(site, 'SQLite'));
});

describeOnMariaDB('wordpress ticket rush', (test) => {
  test(`${BUYERS} concurrent buyers of one seat each for ${QUOTA} seats: exactly ${QUOTA} orders hold a seat`, (mysql) =>
    withGuichet({ workers: 4, mysql }, async (site) => {
      expect(await site.php('global $wpdb; echo $wpdb->db_server_info();')).toMatch(/MariaDB/);
      await rush(site, 'MariaDB');
    }));
});
