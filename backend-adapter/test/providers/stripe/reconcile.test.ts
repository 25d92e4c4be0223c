import type { PaymentRequest } from '../../../src/providers';
import { paymentRequest } from '../fixtures';
import { emulatorOnly, startProviderHarness, type ProviderHarness } from './harness';

let h: ProviderHarness;
beforeAll(async () => {
  h = await startProviderHarness();
});
afterAll(() => h.close());

const NOW = new Date();
let counter = 0;
async function session(overrides: Partial<PaymentRequest> = {}, sepa = false) {
  const orderId = `ord_rec_${Date.now().toString(36)}_${(counter += 1)}`;
  const request = paymentRequest({ orderId, idempotencyKey: `order-${orderId}`, ...overrides });
  const command = await (sepa ? h.providerWith({ sepa: true }) : h.provider).startPayment(request, {
    now: () => new Date(),
  });
  if (command.type !== 'next') throw new Error('expected a checkout session');
  return { orderId, id: command.providerRef };
}
const controls = () => {
  if (h.target.emulator === null) throw new Error('emulator only');
  return h.target.emulator.controls;
};
const types = async (id: string) => (await h.provider.reconcile(id, NOW)).map((e) => e.type);

describe('Stripe provider: reconciling an order whose webhook never came', () => {
  it('says nothing while the payer has not paid yet', async () => {
    const { id } = await session();
    expect(await h.provider.reconcile(id, NOW)).toEqual([]);
  });

  it('expires the order once its session was expired at Stripe', async () => {
    const { orderId, id } = await session();
    await h.target.stripe.checkout.sessions.expire(id);
    expect(await h.provider.reconcile(id, NOW)).toEqual([
      {
        id: `reconcile_${id}_payment_expired`,
        type: 'payment_expired',
        providerRef: id,
        orderId,
        amount: 2500,
        occurredAt: NOW,
      },
    ]);
  });

  emulatorOnly('reports a paid session, with the same event id each time it is asked', async () => {
    const { orderId, id } = await session();
    await controls().completeCheckoutSession(id);
    const first = await h.provider.reconcile(id, NOW);
    expect(first).toMatchObject([
      { id: `reconcile_${id}_payment_succeeded`, type: 'payment_succeeded', orderId, paymentRef: /^pi_/ },
    ]);
    expect(await h.provider.reconcile(id, new Date(NOW.getTime() + 60_000))).toMatchObject([
      { id: first[0]?.id },
    ]);
  });

  emulatorOnly('follows a SEPA debit from processing to paid', async () => {
    const { id } = await session({}, true);
    await controls().completeCheckoutSession(id, { paymentMethod: 'sepa_debit' });
    expect(await types(id)).toEqual(['payment_processing']);
    await controls().settleCheckoutSession(id);
    expect(await types(id)).toEqual(['payment_succeeded']);
  });

  emulatorOnly('follows a SEPA debit the bank bounced to failed', async () => {
    const { id } = await session({}, true);
    await controls().completeCheckoutSession(id, { paymentMethod: 'sepa_debit' });
    await controls().failCheckoutSessionSettlement(id);
    expect(await types(id)).toEqual(['payment_failed']);
  });

  emulatorOnly('reports a paid subscription with its subscription', async () => {
    const { id } = await session({ recurring: { interval: 'month' } });
    await controls().completeCheckoutSession(id);
    expect(await h.provider.reconcile(id, NOW)).toMatchObject([
      { type: 'payment_succeeded', subscriptionRef: /^sub_/ },
    ]);
  });
});
