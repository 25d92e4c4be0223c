import type Stripe from 'stripe';
import { mapStripeEvent } from '../../../src/providers/stripe/events';

/**
 * Events the emulator does not send (disputes) and edge cases of the mapping, built by hand with only the
 * fields the mapping reads. The flows the emulator can play are in events.test.ts.
 */
const event = (type: string, object: Record<string, unknown>) =>
  ({
    id: `evt_${type}`,
    object: 'event',
    type,
    created: 1_795_000_000,
    data: { object },
  }) as unknown as Stripe.Event;

describe('Stripe event mapping', () => {
  it('a dispute opens on the payment intent, for the amount the bank holds back', () => {
    const dispute = { id: 'dp_1', object: 'dispute', amount: 2500, charge: 'ch_1', payment_intent: 'pi_1' };
    expect(mapStripeEvent(event('charge.dispute.created', dispute))).toEqual([
      {
        id: 'evt_charge.dispute.created',
        type: 'disputed',
        amount: 2500,
        paymentRef: 'pi_1',
        occurredAt: new Date(1_795_000_000_000),
      },
    ]);
  });

  it('a refund reports the running total refunded, so partial refunds never add up twice', () => {
    const charge = {
      id: 'ch_1',
      object: 'charge',
      amount: 2500,
      amount_refunded: 1500,
      payment_intent: 'pi_1',
      metadata: { guichet_order_id: 'ord_1' },
    };
    expect(mapStripeEvent(event('charge.refunded', charge))).toMatchObject([
      { type: 'refunded', amount: 1500, orderId: 'ord_1', paymentRef: 'pi_1' },
    ]);
  });

  it('the first invoice of a subscription is the checkout itself, not a renewal', () => {
    const invoice = {
      id: 'in_1',
      object: 'invoice',
      billing_reason: 'subscription_create',
      amount_paid: 2500,
    };
    expect(mapStripeEvent(event('invoice.paid', invoice))).toEqual([]);
    expect(mapStripeEvent(event('invoice.payment_failed', invoice))).toEqual([]);
  });

  it('a session completed with nothing to pay counts as paid', () => {
    const session = {
      id: 'cs_1',
      object: 'checkout.session',
      payment_status: 'no_payment_required',
      client_reference_id: 'ord_1',
      metadata: {},
      amount_total: 0,
      payment_intent: null,
      subscription: null,
    };
    expect(mapStripeEvent(event('checkout.session.completed', session))).toMatchObject([
      { type: 'payment_succeeded', orderId: 'ord_1', providerRef: 'cs_1' },
    ]);
  });

  it('acknowledges event types Guichet does not act on, with no event', () => {
    expect(mapStripeEvent(event('customer.created', { id: 'cus_1', object: 'customer' }))).toEqual([]);
    expect(mapStripeEvent(event('some.future.event', { id: 'x_1' }))).toEqual([]);
  });
});
