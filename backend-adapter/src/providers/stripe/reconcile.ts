import type Stripe from 'stripe';
import type { ProviderEvent, ProviderEventType } from '../types';
import { METADATA_ORDER_ID } from './checkout';

/**
 * Reads a checkout session back from Stripe and says what its webhooks would have said, for the orders whose
 * webhook never came. Event ids are derived from the session and the outcome, so reconciling twice is a
 * duplicate; the state machine also treats "paid" after "paid" as a no-op when the webhook arrives later.
 */
async function outcome(
  stripe: Stripe,
  session: Stripe.Checkout.Session,
): Promise<{ type: ProviderEventType; failure?: string } | null> {
  if (session.status === 'expired') return { type: 'payment_expired' };
  if (session.status !== 'complete') return null;
  if (session.payment_status !== 'unpaid') return { type: 'payment_succeeded' };
  // A delayed method (SEPA) completed the session unpaid; the intent knows whether the debit went through since.
  const intentRef = session.payment_intent;
  if (intentRef === null) return { type: 'payment_processing' };
  const intent = typeof intentRef === 'string' ? await stripe.paymentIntents.retrieve(intentRef) : intentRef;
  if (intent.status === 'succeeded') return { type: 'payment_succeeded' };
  if (intent.status === 'processing') return { type: 'payment_processing' };
  if (intent.status === 'canceled' || intent.last_payment_error !== null) {
    const error = intent.last_payment_error;
    return { type: 'payment_failed', failure: error?.decline_code ?? error?.code ?? 'async_payment_failed' };
  }
  return { type: 'payment_processing' };
}

export async function reconcileSession(
  stripe: Stripe,
  providerRef: string,
  now: Date,
): Promise<ProviderEvent[]> {
  const session = await stripe.checkout.sessions.retrieve(providerRef);
  const found = await outcome(stripe, session);
  if (found === null) return [];
  const orderId = session.client_reference_id ?? session.metadata?.[METADATA_ORDER_ID];
  const paymentRef = session.payment_intent;
  const subscriptionRef = session.subscription;
  return [
    {
      id: `reconcile_${session.id}_${found.type}`,
      type: found.type,
      providerRef: session.id,
      occurredAt: now,
      ...(orderId ? { orderId } : {}),
      ...(session.amount_total === null ? {} : { amount: session.amount_total }),
      ...(paymentRef === null
        ? {}
        : { paymentRef: typeof paymentRef === 'string' ? paymentRef : paymentRef.id }),
      ...(subscriptionRef === null
        ? {}
        : { subscriptionRef: typeof subscriptionRef === 'string' ? subscriptionRef : subscriptionRef.id }),
      ...(found.failure === undefined ? {} : { failure: { code: found.failure } }),
    },
  ];
}
