import { ProviderError, type PaymentRequest } from '../../../src/providers';
import type { StripeEmulator } from '../../../testing/stripe-emulator';
import { paymentRequest } from '../fixtures';
import { live, startProviderHarness, type ProviderHarness } from './harness';

/** Refunds need a paid order, which only the emulator's controls can produce: skipped against real Stripe. */
const describeEmulator = live ? describe.skip : describe;

let h: ProviderHarness;
let emulator: StripeEmulator;
beforeAll(async () => {
  h = await startProviderHarness();
  emulator = h.target.emulator as StripeEmulator;
});
afterAll(() => h.close());

let counter = 0;
async function paidOrder(overrides: Partial<PaymentRequest> = {}) {
  const orderId = `ord_refund_${(counter += 1)}`;
  const request = paymentRequest({ orderId, idempotencyKey: `order-${orderId}`, ...overrides });
  const command = await h.provider.startPayment(request, { now: () => new Date() });
  if (command.type !== 'next') throw new Error('expected a checkout session');
  await emulator.controls.completeCheckoutSession(command.providerRef);
  return { orderId, session: command.providerRef };
}

const refundedTotals = (orderId: string) =>
  h
    .events()
    .filter((e) => e.type === 'refunded' && e.orderId === orderId)
    .map((e) => e.amount);

describeEmulator('Stripe provider: refunds', () => {
  it('refunds part, then the rest, of a paid order; the webhooks carry the running total', async () => {
    const { orderId, session } = await paidOrder();
    const part = await h.provider.refund(session, 1000, `refund-${orderId}-1`);
    expect(part).toEqual({ refundId: expect.stringMatching(/^re_/), amount: 1000 });
    const rest = await h.provider.refund(session, undefined, `refund-${orderId}-2`);
    expect(rest.amount).toBe(1500);
    await emulator.idle();
    expect(refundedTotals(orderId)).toEqual([1000, 2500]);
  });

  it('replays a refund retried with the same key instead of refunding twice', async () => {
    const { orderId, session } = await paidOrder();
    const first = await h.provider.refund(session, 500, `refund-${orderId}`);
    expect(await h.provider.refund(session, 500, `refund-${orderId}`)).toEqual(first);
    await emulator.idle();
    expect(refundedTotals(orderId)).toEqual([500]);
  });

  it('refuses to refund more than was paid', async () => {
    const { orderId, session } = await paidOrder();
    await expect(h.provider.refund(session, 2501, `refund-${orderId}`)).rejects.toBeInstanceOf(ProviderError);
  });

  it('refunds the first payment of a subscription through its invoice', async () => {
    const { orderId, session } = await paidOrder({ recurring: { interval: 'year' }, kind: 'membership' });
    expect((await h.provider.refund(session, undefined, `refund-${orderId}`)).amount).toBe(2500);
  });

  it('refuses to refund a session nobody paid', async () => {
    const orderId = `ord_refund_${(counter += 1)}`;
    const request = paymentRequest({ orderId, idempotencyKey: `order-${orderId}` });
    const command = await h.provider.startPayment(request, { now: () => new Date() });
    const session = command.type === 'next' ? command.providerRef : '';
    await expect(h.provider.refund(session, undefined, `refund-${orderId}`)).rejects.toBeInstanceOf(
      ProviderError,
    );
  });
});
