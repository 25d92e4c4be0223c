import type Stripe from 'stripe';
import { ProviderError } from '../types';
import { stripeIdempotencyKey } from './checkout';

/**
 * The payment intent that holds the money of an order. Orders remember the checkout session (`cs_…`); a
 * payment-mode session names its intent, a subscription's first payment hangs off the session's invoice.
 */
async function paymentIntentOf(stripe: Stripe, providerRef: string): Promise<string> {
  if (providerRef.startsWith('pi_')) return providerRef;
  const session = await stripe.checkout.sessions.retrieve(providerRef);
  const intent = session.payment_intent;
  if (intent !== null) return typeof intent === 'string' ? intent : intent.id;
  const invoice = session.invoice;
  if (invoice !== null) {
    const invoiceId = typeof invoice === 'string' ? invoice : invoice.id;
    const expanded = await stripe.invoices.retrieve(invoiceId, { expand: ['payments'] });
    const paid = expanded.payments?.data.find((payment) => payment.status === 'paid')?.payment.payment_intent;
    if (paid !== undefined && paid !== null) return typeof paid === 'string' ? paid : paid.id;
  }
  throw new ProviderError('bad_request', `Checkout session ${providerRef} has no payment to refund.`);
}

/** All (amount undefined) or part of the payment, in minor units; the key makes a retried refund a replay. */
export async function refundPayment(
  stripe: Stripe,
  providerRef: string,
  amount: number | undefined,
  idempotencyKey: string,
): Promise<{ refundId: string; amount: number }> {
  if (amount !== undefined && (!Number.isSafeInteger(amount) || amount <= 0)) {
    throw new ProviderError('bad_request', 'A refund amount is a positive integer in minor units.');
  }
  const paymentIntent = await paymentIntentOf(stripe, providerRef);
  const refund = await stripe.refunds.create(
    {
      payment_intent: paymentIntent,
      reason: 'requested_by_customer',
      ...(amount === undefined ? {} : { amount }),
    },
    { idempotencyKey: stripeIdempotencyKey('refund', idempotencyKey) },
  );
  return { refundId: refund.id, amount: refund.amount };
}
