import { createOrder, simulatePayment, sweep } from '../../src/orders';
import { seats, world } from './fixtures';

describe('the background sweep', () => {
  test('expires orders whose hold ran out and puts their seats back', async () => {
    const w = await world();
    const created = await createOrder(w.deps, w.site, { formId: 'concert', body: seats(4) });
    const sites = new Map([[w.site.id, w.site]]);
    expect(await sweep(w.deps, sites, { reconcileAfterMs: 60_000, batch: 10 })).toEqual({
      expired: 0,
      reconciled: 0,
    });
    w.advance(31 * 60_000);
    expect((await sweep(w.deps, sites, { reconcileAfterMs: 60_000, batch: 10 })).expired).toBe(1);
    expect(await w.storage.getOrder('demo', created.order.id)).toMatchObject({ status: 'expired' });
    expect((await w.storage.stock('demo', 'concert', w.clock.now))[0]).toMatchObject({ held: 0, sold: 0 });
    // A second pass finds nothing left to do.
    expect(await sweep(w.deps, sites, { reconcileAfterMs: 60_000, batch: 10 })).toEqual({
      expired: 0,
      reconciled: 0,
    });
  });

  test('settles a delayed payment nobody came back to read, from the provider’s own answer', async () => {
    const w = await world();
    const created = await createOrder(w.deps, w.site, { formId: 'concert', body: seats(1) });
    const next = created.next as { clientSecret: string };
    const step = { type: 'confirm' as const, card: '4000 0000 0000 0077' };
    await simulatePayment(w.deps, w.site, created.order.id, next.clientSecret, step, 'fr');
    const sites = new Map([[w.site.id, w.site]]);
    w.advance(2 * 60_000);
    expect((await sweep(w.deps, sites, { reconcileAfterMs: 60_000, batch: 10 })).reconciled).toBe(1);
    expect(await w.storage.getOrder('demo', created.order.id)).toMatchObject({ status: 'paid' });
    expect((await w.storage.stock('demo', 'concert', w.clock.now))[0]).toMatchObject({ held: 0, sold: 1 });
  });
});
