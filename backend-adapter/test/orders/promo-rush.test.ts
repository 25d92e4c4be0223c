import type { FormConfig } from '../../src/protocol';
import { createOrder, OrderError } from '../../src/orders';
import { errorBody } from '../../src/server/error-response';
import { withDefaults } from '../../src/server';
import { payer, world } from './fixtures';

const gala = withDefaults({
  kind: 'tickets',
  id: 'gala',
  title: 'Gala',
  currency: 'EUR',
  payment: { providers: ['simulation'] },
  tickets: {
    types: [{ id: 'plein', name: 'Plein tarif', price: 2000 }],
    promoCodes: [{ code: 'AMIS', discount: { type: 'percent', percentBps: 5000 }, maxUses: 5 }],
  },
} as unknown as FormConfig);

const withCode = (promoCode: string) => ({
  kind: 'tickets',
  locale: 'fr',
  payment: { provider: 'simulation' },
  payer,
  tickets: { items: [{ typeId: 'plein', quantity: 1 }], promoCode },
});

async function galaWorld() {
  const w = await world();
  await w.storage.syncStock('demo', 'gala', [{ typeId: 'plein', quota: null }]);
  return { ...w, site: { ...w.site, forms: new Map([...w.site.forms, [gala.id, gala]]) } };
}

describe('a promo code limited to five uses', () => {
  test('twenty buyers at once: five orders at half price, fifteen told the code is used up', async () => {
    const w = await galaWorld();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        createOrder(w.deps, w.site, { formId: 'gala', body: withCode(i % 2 ? 'amis' : ' AMIS ') }),
      ),
    );
    const created = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(created).toHaveLength(5);
    expect(created.map((c) => c.order.total)).toEqual([1000, 1000, 1000, 1000, 1000]);
    expect(refused).toHaveLength(15);
    for (const error of refused) {
      expect(error).toBeInstanceOf(OrderError);
      expect(errorBody(error as OrderError, 'en').error).toEqual({
        code: 'validation_failed',
        message: expect.any(String),
        errors: [
          {
            code: 'promo_code_exhausted',
            field: 'tickets.promoCode',
            message: expect.stringContaining('this promo code has been used up'),
          },
        ],
      });
      expect(errorBody(error as OrderError, 'fr').error.errors?.[0]?.message).toContain(
        'ce code promo a déjà été utilisé',
      );
    }
    expect(await w.storage.promoUses('demo', 'gala', 'AMIS')).toBe(5);
  });

  test('once used up, the next buyer gets the same answer from the early check', async () => {
    const w = await galaWorld();
    for (let i = 0; i < 5; i++) await createOrder(w.deps, w.site, { formId: 'gala', body: withCode('AMIS') });
    await expect(
      createOrder(w.deps, w.site, { formId: 'gala', body: withCode('AMIS') }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      details: { errors: [{ code: 'promo_code_exhausted', field: 'tickets.promoCode' }] },
    });
  });
});
