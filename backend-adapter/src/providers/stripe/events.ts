import type Stripe from 'stripe';
import type { ProviderEvent, ProviderEventType } from '../types';
import { METADATA_ORDER_ID } from './checkout';

/**
 * Stripe events → Guichet's normalised events. Each Stripe event gives at most one ProviderEvent carrying the
 * Stripe event id, so a redelivered event is a duplicate the host ignores. Types Guichet does not act on are
 * acknowledged with no event (`[]`): Stripe stops retrying and nothing moves.
 */

const idOf = (ref: string | { id: string } | null | undefined): string | undefined =>
  ref === null || ref === undefined ? undefined : typeof ref === 'string' ? ref : ref.id;

const orderIdIn = (metadata: Stripe.Metadata | null | undefined): string | undefined =>
  metadata?.[METADATA_ORDER_ID] || undefined;

function base(event: Stripe.Event, type: ProviderEventType): ProviderEvent {
  return { id: event.id, type, occurredAt: new Date(event.created * 1000) };
}

function fromSession(
  event: Stripe.Event,
  type: ProviderEventType,
  session: Stripe.Checkout.Session,
): ProviderEvent {
  const paymentRef = idOf(session.payment_intent);
  const subscriptionRef = idOf(session.subscription);
  const orderId = session.client_reference_id ?? orderIdIn(session.metadata);
  return {
    ...base(event, type),
    providerRef: session.id,
    ...(orderId ? { orderId } : {}),
    ...(session.amount_total === null ? {} : { amount: session.amount_total }),
    ...(paymentRef ? { paymentRef } : {}),
    ...(subscriptionRef ? { subscriptionRef } : {}),
  };
}

function fromInvoice(event: Stripe.Event, type: ProviderEventType, invoice: Stripe.Invoice, amount: number) {
  const details = invoice.parent?.subscription_details ?? null;
  const orderId = orderIdIn(details?.metadata);
  const subscriptionRef = idOf(details?.subscription);
  return {
    ...base(event, type),
    amount,
    ...(orderId ? { orderId } : {}),
    ...(subscriptionRef ? { subscriptionRef } : {}),
  };
}

export function mapStripeEvent(event: Stripe.Event): ProviderEvent[] {
  switch (event.type) {
    case 'checkout.session.completed': {
      const session = event.data.object;
      // Delayed methods (SEPA Direct Debit) complete the session unpaid: the money arrives days later.
      if (session.payment_status === 'unpaid') return [fromSession(event, 'payment_processing', session)];
      return [fromSession(event, 'payment_succeeded', session)];
    }
    case 'checkout.session.async_payment_succeeded':
      return [fromSession(event, 'payment_succeeded', event.data.object)];
    case 'checkout.session.async_payment_failed':
      return [
        {
          ...fromSession(event, 'payment_failed', event.data.object),
          failure: { code: 'async_payment_failed' },
        },
      ];
    case 'checkout.session.expired':
      return [fromSession(event, 'payment_expired', event.data.object)];
    case 'payment_intent.payment_failed': {
      const intent = event.data.object;
      const orderId = orderIdIn(intent.metadata);
      const error = intent.last_payment_error;
      return [
        {
          ...base(event, 'payment_failed'),
          paymentRef: intent.id,
          amount: intent.amount,
          ...(orderId ? { orderId } : {}),
          failure: { code: error?.decline_code ?? error?.code ?? 'payment_failed' },
        },
      ];
    }
    case 'charge.refunded': {
      const charge = event.data.object;
      const orderId = orderIdIn(charge.metadata);
      const paymentRef = idOf(charge.payment_intent);
      // amount_refunded is the running total, so a replayed or reordered partial refund never counts twice.
      return [
        {
          ...base(event, 'refunded'),
          amount: charge.amount_refunded,
          ...(orderId ? { orderId } : {}),
          ...(paymentRef ? { paymentRef } : {}),
        },
      ];
    }
    case 'charge.dispute.created': {
      const dispute = event.data.object;
      const paymentRef = idOf(dispute.payment_intent);
      return [{ ...base(event, 'disputed'), amount: dispute.amount, ...(paymentRef ? { paymentRef } : {}) }];
    }
    case 'invoice.paid': {
      const invoice = event.data.object;
      // The first invoice is the checkout itself (checkout.session.completed); only later cycles are renewals.
      if (invoice.billing_reason !== 'subscription_cycle') return [];
      return [fromInvoice(event, 'renewal_paid', invoice, invoice.amount_paid)];
    }
    case 'invoice.payment_failed': {
      const invoice = event.data.object;
      if (invoice.billing_reason !== 'subscription_cycle') return [];
      return [
        {
          ...fromInvoice(event, 'renewal_failed', invoice, invoice.amount_due),
          failure: { code: 'renewal_failed' },
        },
      ];
    }
    case 'customer.subscription.deleted': {
      const subscription = event.data.object;
      const orderId = orderIdIn(subscription.metadata);
      return [
        {
          ...base(event, 'subscription_ended'),
          subscriptionRef: subscription.id,
          ...(orderId ? { orderId } : {}),
        },
      ];
    }
    default:
      return [];
  }
}
