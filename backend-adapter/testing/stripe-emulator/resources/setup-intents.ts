/** /v1/setup_intents: create, retrieve, confirm, cancel. Saving a method for later (SEPA mandates, renewals). */
import type Stripe from 'stripe';
import type { ApiRoute, EmulatorContext } from '../context';
import { EmulatorError, unexpectedState } from '../errors';
import type { EventCause } from '../events';
import { expandObject } from '../expand';
import { attemptSetup } from '../flows/setups';
import { clientSecret, newId } from '../ids';
import { find, save } from '../lookup';
import { metadataOf } from '../params';
import { effectiveMethodTypes, readMethodTypes, type MethodTypeChoice } from '../payment-methods';
import type { AccountState } from '../store';

export interface SetupIntentFields {
  customer: string | null;
  description: string | null;
  metadata: Record<string, string>;
  methodTypes: MethodTypeChoice;
  usage: 'off_session' | 'on_session';
}

export function buildSetupIntent(ctx: EmulatorContext, fields: SetupIntentFields): Stripe.SetupIntent {
  const id = newId('seti');
  return {
    id,
    object: 'setup_intent',
    allowed_payment_method_types: fields.methodTypes.allowed,
    application: null,
    automatic_payment_methods: fields.methodTypes.allowed === null ? { enabled: true } : null,
    cancellation_reason: null,
    client_secret: clientSecret(id),
    created: ctx.clock.now(),
    customer: fields.customer,
    customer_account: null,
    description: fields.description,
    excluded_payment_method_types: fields.methodTypes.excluded,
    flow_directions: null,
    last_setup_error: null,
    latest_attempt: null,
    livemode: false,
    mandate: null,
    metadata: fields.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: effectiveMethodTypes(fields.methodTypes),
    single_use_mandate: null,
    status: 'requires_payment_method',
    usage: fields.usage,
  };
}

const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

function confirm(
  ctx: EmulatorContext,
  account: AccountState,
  si: Stripe.SetupIntent,
  token: string | undefined,
  cause: EventCause,
): void {
  if (!CONFIRMABLE.includes(si.status)) {
    throw unexpectedState(
      `You cannot confirm this SetupIntent because it has a status of ${si.status}.`,
      'setup_intent_unexpected_state',
    );
  }
  const methodToken = token ?? (typeof si.payment_method === 'string' ? si.payment_method : undefined);
  if (methodToken === undefined) {
    throw unexpectedState(
      "You cannot confirm this SetupIntent because it's missing a payment method.",
      'setup_intent_unexpected_state',
      'payment_method',
    );
  }
  const method = account.paymentMethods.resolve(methodToken, 'payment_method');
  if (attemptSetup(ctx, account, si, method, cause) === 'declined') {
    throw new EmulatorError(
      402,
      'card_error',
      si.last_setup_error?.message ?? 'Your card was declined.',
      'card_declined',
      undefined,
      {
        decline_code: si.last_setup_error?.decline_code ?? 'generic_decline',
      },
    );
  }
}

export const setupIntentRoutes: ApiRoute[] = [
  {
    method: 'POST',
    path: '/v1/setup_intents',
    handler: (ctx, { account, params, cause }) => {
      const customer = params.string('customer');
      if (customer !== undefined) find(account.customers, customer, 'customer', 'customer');
      const methodTypes = readMethodTypes(params);
      const automatic = params.object('automatic_payment_methods');
      automatic?.boolean('enabled');
      automatic?.enum('allow_redirects', ['always', 'never'] as const);
      const si = buildSetupIntent(ctx, {
        customer: customer ?? null,
        description: params.string('description', 1000) ?? null,
        metadata: metadataOf(params.metadata()),
        methodTypes,
        usage: params.enum('usage', ['off_session', 'on_session'] as const) ?? 'off_session',
      });
      const token = params.string('payment_method');
      const confirmNow = params.boolean('confirm') ?? false;
      params.ignore('return_url', 'mandate_data', 'payment_method_options');
      const expand = params.expand();
      params.finish();
      if (token !== undefined && !confirmNow) {
        si.payment_method = account.paymentMethods.resolve(token, 'payment_method').id;
        si.status = 'requires_confirmation';
      }
      save(ctx, account, account.setupIntents, si);
      ctx.events.publish(account, 'setup_intent.created', si, cause);
      if (confirmNow) confirm(ctx, account, si, token, cause);
      return { body: expandObject(account, si, expand) };
    },
  },
  {
    method: 'GET',
    path: '/v1/setup_intents/:id',
    handler: (_ctx, { account, params, pathParams }) => {
      const si = find(account.setupIntents, pathParams.id ?? '', 'setup_intent', 'intent', 404);
      params.ignore('client_secret');
      const expand = params.expand();
      params.finish();
      return { body: expandObject(account, si, expand) };
    },
  },
  {
    method: 'POST',
    path: '/v1/setup_intents/:id/confirm',
    handler: (ctx, { account, params, pathParams, cause }) => {
      const si = find(account.setupIntents, pathParams.id ?? '', 'setup_intent', 'intent', 404);
      const token = params.string('payment_method');
      params.ignore('return_url', 'mandate_data', 'payment_method_options', 'client_secret');
      const expand = params.expand();
      params.finish();
      confirm(ctx, account, si, token, cause);
      return { body: expandObject(account, si, expand) };
    },
  },
  {
    method: 'POST',
    path: '/v1/setup_intents/:id/cancel',
    handler: (ctx, { account, params, pathParams, cause }) => {
      const si = find(account.setupIntents, pathParams.id ?? '', 'setup_intent', 'intent', 404);
      const reason = params.enum('cancellation_reason', [
        'abandoned',
        'duplicate',
        'requested_by_customer',
      ] as const);
      const expand = params.expand();
      params.finish();
      if (!CONFIRMABLE.includes(si.status)) {
        throw unexpectedState(
          `You cannot cancel this SetupIntent because it has a status of ${si.status}.`,
          'setup_intent_unexpected_state',
        );
      }
      si.status = 'canceled';
      si.cancellation_reason = reason ?? null;
      ctx.events.publish(account, 'setup_intent.canceled', si, cause);
      return { body: expandObject(account, si, expand) };
    },
  },
];
