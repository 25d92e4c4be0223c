/** /v1/payment_intents: create, retrieve, update, confirm, cancel, list. */
import type Stripe from 'stripe';
import type { ApiRoute, EmulatorContext } from '../context';
import { unexpectedState } from '../errors';
import type { EventCause } from '../events';
import { expandObject } from '../expand';
import { clientSecret, newId } from '../ids';
import { paginate } from '../list';
import { find, save } from '../lookup';
import { checkChargeAmount, MAXIMUM_AMOUNT, readCurrency } from '../money';
import { applyMetadata, metadataOf, type Params } from '../params';
import {
  checkMethodCurrency,
  effectiveMethodTypes,
  readMethodTypes,
  type MethodTypeChoice,
} from '../payment-methods';
import { attemptPayment, declineError } from '../flows/payments';
import type { AccountState } from '../store';

export interface PaymentIntentFields {
  amount: number;
  currency: string;
  customer: string | null;
  description: string | null;
  metadata: Record<string, string>;
  methodTypes: MethodTypeChoice;
  receiptEmail: string | null;
  setupFutureUsage: Stripe.PaymentIntent.SetupFutureUsage | null;
}

export function buildPaymentIntent(ctx: EmulatorContext, fields: PaymentIntentFields): Stripe.PaymentIntent {
  const id = newId('pi');
  return {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: fields.methodTypes.allowed,
    amount: fields.amount,
    amount_capturable: 0,
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    // Without explicit types, current API versions turn on dynamic payment methods.
    automatic_payment_methods: fields.methodTypes.allowed === null ? { enabled: true } : null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic_async',
    client_secret: clientSecret(id),
    confirmation_method: 'automatic',
    created: ctx.clock.now(),
    currency: fields.currency,
    customer: fields.customer,
    customer_account: null,
    description: fields.description,
    excluded_payment_method_types: fields.methodTypes.excluded,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: fields.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: effectiveMethodTypes(fields.methodTypes),
    payment_record: null,
    processing: null,
    receipt_email: fields.receiptEmail,
    review: null,
    setup_future_usage: fields.setupFutureUsage,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'requires_payment_method',
    transfer_data: null,
    transfer_group: null,
  };
}

function readAutomaticPaymentMethods(params: Params): boolean {
  const apm = params.object('automatic_payment_methods');
  if (apm === undefined) return false;
  apm.enum('allow_redirects', ['always', 'never'] as const);
  return apm.boolean('enabled') ?? false;
}

const CANCELABLE = [
  'requires_payment_method',
  'requires_capture',
  'requires_confirmation',
  'requires_action',
];
const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

/** Confirms with the given method (or the one already attached); a decline becomes the 402 Stripe returns. */
function confirm(
  ctx: EmulatorContext,
  account: AccountState,
  pi: Stripe.PaymentIntent,
  methodToken: string | undefined,
  cause: EventCause,
): void {
  if (!CONFIRMABLE.includes(pi.status)) {
    throw unexpectedState(
      `You cannot confirm this PaymentIntent because it has a status of ${pi.status}.`,
      'payment_intent_unexpected_state',
    );
  }
  const token = methodToken ?? (typeof pi.payment_method === 'string' ? pi.payment_method : undefined);
  if (token === undefined) {
    throw unexpectedState(
      "You cannot confirm this PaymentIntent because it's missing a payment method. To confirm the PaymentIntent with this payment method, pass `payment_method`.",
      'payment_intent_unexpected_state',
      'payment_method',
    );
  }
  const method = account.paymentMethods.resolve(token, 'payment_method');
  checkMethodCurrency([method.kind], pi.currency, 'payment_method');
  if (attemptPayment(ctx, account, pi, method, cause) === 'declined') throw declineError(pi);
}

export const paymentIntentRoutes: ApiRoute[] = [
  {
    method: 'POST',
    path: '/v1/payment_intents',
    handler: (ctx, { account, params, cause }) => {
      const amount = params.requiredInteger('amount', { min: 1, max: MAXIMUM_AMOUNT });
      const currency = readCurrency(params, 'currency', true);
      checkChargeAmount(amount, currency, 'amount');
      const customer = params.string('customer');
      if (customer !== undefined) find(account.customers, customer, 'customer', 'customer');
      const methodTypes = readMethodTypes(params);
      const automatic = readAutomaticPaymentMethods(params);
      checkMethodCurrency(methodTypes.allowed ?? [], currency, 'allowed_payment_method_types');
      const pi = buildPaymentIntent(ctx, {
        amount,
        currency,
        customer: customer ?? null,
        description: params.string('description', 1000) ?? null,
        metadata: metadataOf(params.metadata()),
        methodTypes,
        receiptEmail: params.string('receipt_email') ?? null,
        setupFutureUsage: params.enum('setup_future_usage', ['on_session', 'off_session'] as const) ?? null,
      });
      if (automatic) pi.automatic_payment_methods = { enabled: true };
      pi.statement_descriptor = params.string('statement_descriptor', 22) ?? null;
      pi.statement_descriptor_suffix = params.string('statement_descriptor_suffix', 22) ?? null;
      params.enum('capture_method', ['automatic', 'automatic_async'] as const);
      const methodToken = params.string('payment_method');
      const confirmNow = params.boolean('confirm') ?? false;
      params.ignore(
        'return_url',
        'mandate_data',
        'off_session',
        'error_on_requires_action',
        'payment_method_options',
      );
      const expand = params.expand();
      params.finish();
      if (methodToken !== undefined && !confirmNow) {
        pi.payment_method = account.paymentMethods.resolve(methodToken, 'payment_method').id;
        pi.status = 'requires_confirmation';
      }
      save(ctx, account, account.paymentIntents, pi);
      ctx.events.publish(account, 'payment_intent.created', pi, cause);
      if (confirmNow) confirm(ctx, account, pi, methodToken, cause);
      return { body: expandObject(account, pi, expand) };
    },
  },
  {
    method: 'GET',
    path: '/v1/payment_intents/:id',
    handler: (_ctx, { account, params, pathParams }) => {
      const pi = find(account.paymentIntents, pathParams.id ?? '', 'payment_intent', 'intent', 404);
      params.ignore('client_secret');
      const expand = params.expand();
      params.finish();
      return { body: expandObject(account, pi, expand) };
    },
  },
  {
    method: 'POST',
    path: '/v1/payment_intents/:id',
    handler: (_ctx, { account, params, pathParams }) => {
      const pi = find(account.paymentIntents, pathParams.id ?? '', 'payment_intent', 'intent', 404);
      const amount = params.integer('amount', { min: 1, max: MAXIMUM_AMOUNT });
      const description = params.string('description', 1000);
      const receiptEmail = params.string('receipt_email');
      const metadata = params.metadata();
      const expand = params.expand();
      params.finish();
      if (amount !== undefined) {
        if (!CONFIRMABLE.includes(pi.status)) {
          throw unexpectedState(
            `You cannot update the amount of a PaymentIntent with status ${pi.status}.`,
            'payment_intent_unexpected_state',
            'amount',
          );
        }
        checkChargeAmount(amount, pi.currency, 'amount');
        pi.amount = amount;
      }
      if (description !== undefined) pi.description = description;
      if (receiptEmail !== undefined) pi.receipt_email = receiptEmail;
      applyMetadata(pi.metadata, metadata);
      // Stripe has no `payment_intent.updated` event, so an update is silent.
      return { body: expandObject(account, pi, expand) };
    },
  },
  {
    method: 'POST',
    path: '/v1/payment_intents/:id/confirm',
    handler: (ctx, { account, params, pathParams, cause }) => {
      const pi = find(account.paymentIntents, pathParams.id ?? '', 'payment_intent', 'intent', 404);
      const methodToken = params.string('payment_method');
      const receiptEmail = params.string('receipt_email');
      params.ignore(
        'return_url',
        'mandate_data',
        'off_session',
        'error_on_requires_action',
        'payment_method_options',
        'client_secret',
      );
      const expand = params.expand();
      params.finish();
      if (receiptEmail !== undefined) pi.receipt_email = receiptEmail;
      confirm(ctx, account, pi, methodToken, cause);
      return { body: expandObject(account, pi, expand) };
    },
  },
  {
    method: 'POST',
    path: '/v1/payment_intents/:id/cancel',
    handler: (ctx, { account, params, pathParams, cause }) => {
      const pi = find(account.paymentIntents, pathParams.id ?? '', 'payment_intent', 'intent', 404);
      const reason = params.enum('cancellation_reason', [
        'duplicate',
        'fraudulent',
        'requested_by_customer',
        'abandoned',
      ] as const);
      const expand = params.expand();
      params.finish();
      if (!CANCELABLE.includes(pi.status)) {
        throw unexpectedState(
          `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
          'payment_intent_unexpected_state',
        );
      }
      pi.status = 'canceled';
      pi.canceled_at = ctx.clock.now();
      pi.cancellation_reason = reason ?? null;
      ctx.events.publish(account, 'payment_intent.canceled', pi, cause);
      return { body: expandObject(account, pi, expand) };
    },
  },
  {
    method: 'GET',
    path: '/v1/payment_intents',
    handler: (_ctx, { account, params }) => {
      const customer = params.string('customer');
      const expand = params.expand();
      const items = account.paymentIntents
        .all()
        .filter((pi) => customer === undefined || pi.customer === customer);
      const list = paginate(items, params, '/v1/payment_intents');
      params.finish();
      return { body: expandObject(account, list, expand) };
    },
  },
];
