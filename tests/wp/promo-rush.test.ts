// Many buyers at once with a promo code limited to a few uses, through php -S with 4 workers, on the SQLite
// drop-in (BEGIN IMMEDIATE) and on MariaDB (the form's row locked with SELECT … FOR UPDATE before the uses are
// counted): exactly maxUses orders get the discount, every other buyer hears the code is used up. Over HTTP the
// buyers rarely count at the very same moment; the storage contract's promo rush (storage-contract.test.ts, both
// databases) is the one that starts its buyers together.
import type { WordPressSite } from './wp-server';
import { call, phpProblems, saveForm, ticketsForm, withGuichet } from './guichet-site';
import { describeOnMariaDB } from './mariadb';

jest.setTimeout(180_000);

const MAX_USES = 5;
const BUYERS = 30;

async function rush(site: WordPressSite, database: string): Promise<void> {
  const form = ticketsForm('promo-rush', { plein: 100 }) as { tickets: Record<string, unknown> };
  form.tickets.promoCodes = [
    { code: 'JARDIN', discount: { type: 'percent', percentBps: 5000 }, maxUses: MAX_USES },
  ];
  await saveForm(site, form);
  const started = Date.now();
  const answers = await Promise.all(
    Array.from({ length: BUYERS }, (_, i) =>
      call(site, 'POST', '/forms/promo-rush/orders', {
        kind: 'tickets',
        locale: 'en',
        payment: { provider: 'simulation' },
        payer: { email: `buyer${i}@example.fr`, firstName: 'Ana', lastName: `Buyer${i}` },
        tickets: { items: [{ typeId: 'plein', quantity: 1 }], promoCode: 'jardin' },
      }),
    ),
  );
  const elapsed = Date.now() - started;
  const created = answers.filter((answer) => answer.status === 201);
  const refused = answers.filter((answer) => answer.status === 422);
  expect({ created: created.length, refused: refused.length }).toEqual({
    created: MAX_USES,
    refused: BUYERS - MAX_USES,
  });
  for (const answer of created) expect((answer.body.order as { total: number }).total).toBe(750);
  for (const answer of refused) {
    expect((answer.body.error as { errors: unknown[] }).errors).toEqual([
      {
        code: 'promo_code_exhausted',
        field: 'tickets.promoCode',
        message: expect.stringContaining('this promo code has been used up'),
      },
    ]);
  }
  const stored = await site.php(
    `global $wpdb; echo $wpdb->get_var("SELECT COUNT(*) FROM {$wpdb->prefix}guichet_orders WHERE form_id = 'promo-rush'");`,
  );
  expect(Number(stored)).toBe(MAX_USES);
  expect(phpProblems(site)).toEqual([]);
  console.log(`wordpress promo rush (${database}): ${BUYERS} buyers / ${MAX_USES} uses in ${elapsed} ms`);
}

test(`SQLite: ${BUYERS} concurrent buyers with a code limited to ${MAX_USES} uses: exactly ${MAX_USES} use it`, async () => {
  await withGuichet({ workers: 4 }, (site) => rush(site, 'SQLite'));
});

describeOnMariaDB('wordpress promo rush', (test) => {
  test(`${BUYERS} concurrent buyers with a code limited to ${MAX_USES} uses: exactly ${MAX_USES} use it`, (mysql) =>
    withGuichet({ workers: 4, mysql }, async (site) => {
      expect(await site.php('global $wpdb; echo $wpdb->db_server_info();')).toMatch(/MariaDB/);
      await rush(site, 'MariaDB');
    }));
});
