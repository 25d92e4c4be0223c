import { describeEachDatabase } from './databases';
import { T0, ticketOrder } from './fixtures';
import type { NewOrder, SqlStorage } from '../../src/storage';

describeEachDatabase('promo code uses', (db) => {
  let storage: SqlStorage;
  beforeEach(async () => {
    storage = await db.fresh();
    await storage.syncStock('demo', 'concert', [
      { typeId: 'plein', quota: 100 },
      { typeId: 'reduit', quota: null },
    ]);
  });

  const withPromo = (typeId: string, code: string, maxUses: number): NewOrder => ({
    ...ticketOrder([{ typeId, quantity: 1 }], { promoCode: code }),
    promo: { code, maxUses },
  });

  test('twenty buyers racing for a code limited to five uses: exactly five get it', async () => {
    const attempts = Array.from({ length: 20 }, (_, i) => withPromo(i % 2 ? 'plein' : 'reduit', 'AMIS', 5));
    const results = await Promise.all(attempts.map((a) => storage.createOrder(a, T0)));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok)).toEqual(
      Array.from({ length: 15 }, () => ({ ok: false, reason: 'promo_code_exhausted' })),
    );
    expect(await storage.promoUses('demo', 'concert', 'AMIS')).toBe(5);
    const held = (await storage.stock('demo', 'concert', T0)).find((s) => s.typeId === 'plein');
    expect(held?.held).toBeLessThanOrEqual(5);
  });

  test('a failed order gives its use back, and other codes keep their own count', async () => {
    const first = withPromo('reduit', 'AMIS', 1);
    expect(await storage.createOrder(first, T0)).toEqual({ ok: true });
    expect(await storage.createOrder(withPromo('reduit', 'AMIS', 1), T0)).toEqual({
      ok: false,
      reason: 'promo_code_exhausted',
    });
    expect(await storage.createOrder(withPromo('reduit', 'VIP', 1), T0)).toEqual({ ok: true });
    await storage.abandonOrder('demo', first.order.id, 'provider_error', T0);
    expect(await storage.createOrder(withPromo('reduit', 'AMIS', 1), T0)).toEqual({ ok: true });
  });
});
