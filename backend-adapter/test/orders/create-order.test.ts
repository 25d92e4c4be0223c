import { createOrder, OrderError } from '../../src/orders';
import { ProviderError, type PaymentProvider } from '../../src/providers';
import { seats, world } from './fixtures';

/** A card provider that is down: what the payer sees and what is left behind. */
const downProvider: PaymentProvider = {
  id: 'simulation',
  publicMethods: () => [{ provider: 'simulation' }],
  startPayment: async () => {
    throw new ProviderError('provider_error', 'connect ECONNREFUSED', { retryable: true });
  },
};

describe('creating an order when the provider fails', () => {
  test('the payer gets a retryable 502, the order is failed, its seats and its key are free again', async () => {
    const w = await world({ simulation: downProvider });
    const attempt = createOrder(w.deps, w.site, { formId: 'concert', body: seats(4), idempotencyKey: 'k1' });
    await expect(attempt).rejects.toMatchObject({
      code: 'provider_error',
      status: 502,
      details: { retryable: true },
    });
    const [failed] = (await w.storage.listOrders('demo', {}, { limit: 10 })).items;
    expect(failed).toMatchObject({ status: 'failed', failureCode: 'provider_error' });
    expect((await w.storage.stock('demo', 'concert', w.clock.now))[0]).toMatchObject({ held: 0, sold: 0 });
    expect(await w.storage.findIdempotency('demo', 'k1')).toBeNull();
    expect(w.warnings).toContain('payment start failed; order abandoned');
  });

  test('a retry with the same key once the provider is back creates the order', async () => {
    const w = await world({ simulation: downProvider });
    await expect(
      createOrder(w.deps, w.site, { formId: 'concert', body: seats(2), idempotencyKey: 'k2' }),
    ).rejects.toBeInstanceOf(OrderError);
    w.restoreProviders();
    const created = await createOrder(w.deps, w.site, {
      formId: 'concert',
      body: seats(2),
      idempotencyKey: 'k2',
    });
    expect(created.order.status).toBe('pending');
  });
});

describe('offline ticket orders', () => {
  test('keep their seats for days while the cheque travels, not for the card hold of 30 minutes', async () => {
    const w = await world();
    const created = await createOrder(w.deps, w.site, { formId: 'concert', body: seats(4, 'offline') });
    expect(created.next).toMatchObject({ type: 'offline', method: 'cheque' });
    w.advance(3 * 24 * 3600_000);
    expect((await w.storage.stock('demo', 'concert', w.clock.now))[0]).toMatchObject({ held: 4 });
  });
});
