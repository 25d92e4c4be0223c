/**
 * /v1/refunds: create (by payment_intent or charge, full or partial), retrieve, update, list. The charge
 * keeps `amount_refunded`/`refunded` up to date so several partial refunds cannot exceed what was paid.
 */
import type Stripe from 'stripe';
import type { ApiRoute, EmulatorContext } from '../context';
import { invalidRequest } from '../errors';
import { previousAttributes } from '../events';
import { expandObject } from '../expand';
import { newId } from '../ids';
import { paginate } from '../list';
import { find, save } from '../lookup';
import { applyMetadata, metadataOf } from '../params';
import type { AccountState } from '../store';

function refundableCharge(
  account: AccountState,
  paymentIntent: string | undefined,
  chargeId: string | undefined,
): Stripe.Charge {
  if (paymentIntent !== undefined && chargeId !== undefined) {
    throw invalidRequest(
      'You may only specify one of these parameters: charge, payment_intent.',
      'payment_intent',
    );
  }
  if (chargeId !== undefined) return find(account.charges, chargeId, 'charge', 'charge');
  if (paymentIntent === undefined) {
    throw invalidRequest(
      'One of the following params should be provided for this request: payment_intent or charge.',
      'payment_intent',
      'parameter_missing',
    );
  }
  const pi = find(account.paymentIntents, paymentIntent, 'payment_intent', 'payment_intent');
  const charge = typeof pi.latest_charge === 'string' ? account.charges.get(pi.latest_charge) : undefined;
  if (pi.status !== 'succeeded' || charge === undefined) {
    throw invalidRequest(
      `This PaymentIntent (${pi.id}) does not have a successful charge to refund.`,
      'payment_intent',
      'charge_not_refundable',
    );
  }
  return charge;
}

export function buildRefund(ctx: EmulatorContext, charge: Stripe.Charge, amount: number): Stripe.Refund {
  return {
    id: newId('re'),
    object: 'refund',
    amount,
    balance_transaction: newId('txn'),
    charge: charge.id,
    created: ctx.clock.now(),
    currency: charge.currency,
    customer: charge.customer,
    customer_account: null,
    metadata: {},
    payment_intent: charge.payment_intent,
    payment_method: charge.payment_method,
    reason: null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
}

export const refundRoutes: ApiRoute[] = [
  {
    method: 'POST',
    path: '/v1/refunds',
    handler: (ctx, { account, params, cause }) => {
      const charge = refundableCharge(account, params.string('payment_intent'), params.string('charge'));
      const remaining = charge.amount - charge.amount_refunded;
      const amount = params.integer('amount', { min: 1 }) ?? remaining;
      const reason = params.enum('reason', ['duplicate', 'fraudulent', 'requested_by_customer'] as const);
      const metadata = metadataOf(params.metadata());
      params.ignore('instructions_email');
      const expand = params.expand();
      params.finish();
      if (remaining === 0) {
        throw invalidRequest(
          `Charge ${charge.id} has already been refunded.`,
          undefined,
          'charge_already_refunded',
        );
      }
      if (amount > remaining) {
        throw invalidRequest(
          `Refund amount (${amount} ${charge.currency}) is greater than unrefunded amount on charge (${remaining} ${charge.currency})`,
          'amount',
          'amount_too_large',
        );
      }
      const refund = buildRefund(ctx, charge, amount);
      refund.reason = reason ?? null;
      refund.metadata = metadata;
      save(ctx, account, account.refunds, refund);
      charge.amount_refunded += amount;
      charge.refunded = charge.amount_refunded === charge.amount;
      ctx.events.publish(account, 'refund.created', refund, cause);
      ctx.events.publish(account, 'charge.refunded', charge, cause);
      return { body: expandObject(account, refund, expand) };
    },
  },
  {
    method: 'GET',
    path: '/v1/refunds/:id',
    handler: (_ctx, { account, params, pathParams }) => {
      const refund = find(account.refunds, pathParams.id ?? '', 'refund', 'id', 404);
      const expand = params.expand();
      params.finish();
      return { body: expandObject(account, refund, expand) };
    },
  },
  {
    method: 'POST',
    path: '/v1/refunds/:id',
    handler: (ctx, { account, params, pathParams, cause }) => {
      const refund = find(account.refunds, pathParams.id ?? '', 'refund', 'id', 404);
      const metadata = params.metadata();
      const expand = params.expand();
      params.finish();
      const before = structuredClone(refund);
      refund.metadata = refund.metadata ?? {};
      applyMetadata(refund.metadata, metadata);
      ctx.events.publish(account, 'refund.updated', refund, cause, previousAttributes(before, refund));
      return { body: expandObject(account, refund, expand) };
    },
  },
  {
    method: 'GET',
    path: '/v1/refunds',
    handler: (_ctx, { account, params }) => {
      const paymentIntent = params.string('payment_intent');
      const charge = params.string('charge');
      const expand = params.expand();
      const items = account.refunds
        .all()
        .filter((r) => paymentIntent === undefined || r.payment_intent === paymentIntent)
        .filter((r) => charge === undefined || r.charge === charge);
      const list = paginate(items, params, '/v1/refunds');
      params.finish();
      return { body: expandObject(account, list, expand) };
    },
  },
];
