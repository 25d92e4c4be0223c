/**
 * /v1/checkout/sessions: create, retrieve, update (metadata), expire, list, list line items.
 * Completion is not an API call in Stripe (the customer does it); see controls.ts and flows/checkout.ts.
 */
import type Stripe from 'stripe';
import type { ApiRoute, EmulatorContext } from '../context';
import { expandObject, type VirtualField } from '../expand';
import { expireSession } from '../flows/checkout';
import { clientSecret, newId } from '../ids';
import { paginate } from '../list';
import { find, save } from '../lookup';
import { applyMetadata } from '../params';
import type { AccountState, SessionExtras } from '../store';
import { readSessionPlan, unitAmountOf, type PlannedLine, type SessionPlan } from './checkout-session-params';
import { effectiveMethodTypes } from '../payment-methods';
import { savePendingPrice } from './prices';

export function buildLineItem(account: AccountState, line: PlannedLine): Stripe.LineItem {
  const productId = typeof line.price.product === 'string' ? line.price.product : line.price.product.id;
  const amount = unitAmountOf(line.price) * line.quantity;
  return {
    id: newId('li'),
    object: 'item',
    adjustable_quantity: line.adjustable,
    amount_discount: 0,
    amount_subtotal: amount,
    amount_tax: 0,
    amount_total: amount,
    currency: line.price.currency,
    description: account.products.get(productId)?.name ?? null,
    metadata: line.metadata,
    price: line.price,
    quantity: line.quantity,
  };
}

export function sessionTotal(lines: Stripe.LineItem[]): number {
  return lines.reduce((sum, line) => sum + line.amount_total, 0);
}

function buildSession(
  ctx: EmulatorContext,
  plan: SessionPlan,
  lines: Stripe.LineItem[],
): Stripe.Checkout.Session {
  const id = newId('cs_test');
  const total = plan.mode === 'setup' ? null : sessionTotal(lines);
  return {
    id,
    object: 'checkout.session',
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: plan.allowPromotionCodes,
    allowed_payment_method_types: plan.methodTypes.allowed,
    amount_subtotal: total,
    amount_total: total,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: plan.billingAddressCollection,
    cancel_url: plan.cancelUrl,
    client_reference_id: plan.clientReferenceId,
    // Hosted pages are reached by URL; the two in-page modes hand the browser a client secret instead.
    client_secret: plan.uiMode === 'hosted_page' ? null : clientSecret(id),
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: ctx.clock.now(),
    currency: plan.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: {
      after_submit: null,
      shipping_address: null,
      submit: null,
      terms_of_service_acceptance: null,
    },
    customer: plan.customer?.id ?? null,
    customer_account: null,
    customer_creation: plan.customerCreation,
    customer_details: null,
    customer_email: plan.customerEmail,
    discounts: [],
    expires_at: plan.expiresAt,
    integration_identifier: null,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: plan.locale,
    managed_payments: null,
    metadata: plan.metadata,
    mode: plan.mode,
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: plan.mode === 'payment' ? null : (plan.paymentMethodCollection ?? 'always'),
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: effectiveMethodTypes(plan.methodTypes),
    payment_status: plan.mode === 'setup' ? 'no_payment_required' : 'unpaid',
    permissions: null,
    phone_number_collection: { enabled: plan.phoneNumberCollection },
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: 'open',
    submit_type: plan.submitType,
    subscription: null,
    success_url: plan.successUrl,
    total_details: plan.mode === 'setup' ? null : { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: plan.uiMode,
    url: plan.uiMode === 'hosted_page' ? `${ctx.baseUrl()}/c/pay/${id}` : null,
    wallet_options: null,
    ...(plan.returnUrl === null ? {} : { return_url: plan.returnUrl }),
    ...(plan.methodTypes.excluded === null
      ? {}
      : { excluded_payment_method_types: plan.methodTypes.excluded }),
    ...(plan.redirectOnCompletion === null ? {} : { redirect_on_completion: plan.redirectOnCompletion }),
  };
}

function lineItemsList(account: AccountState, sessionId: string): Stripe.ApiList<Stripe.LineItem> {
  const lines = account.sessionExtras.get(sessionId)?.lineItems ?? [];
  return {
    object: 'list',
    data: lines,
    has_more: false,
    url: `/v1/checkout/sessions/${sessionId}/line_items`,
  };
}

/** `line_items` is not part of a Session until expanded, as in Stripe. */
function sessionVirtuals(account: AccountState): VirtualField {
  return (object, key) =>
    object.object === 'checkout.session' && key === 'line_items' && typeof object.id === 'string'
      ? structuredClone(lineItemsList(account, object.id))
      : undefined;
}

export const checkoutSessionRoutes: ApiRoute[] = [
  {
    method: 'POST',
    path: '/v1/checkout/sessions',
    handler: (ctx, { account, params }) => {
      const plan = readSessionPlan(ctx, account, params);
      const expand = params.expand();
      params.finish();
      for (const line of plan.lines) if (line.pending !== null) savePendingPrice(ctx, account, line.pending);
      const lines = plan.lines.map((line) => buildLineItem(account, line));
      const session = save(ctx, account, account.checkoutSessions, buildSession(ctx, plan, lines));
      const extras: SessionExtras = {
        lineItems: lines,
        paymentIntentMetadata: plan.paymentIntentData.metadata,
        paymentIntentDescription: plan.paymentIntentData.description,
        subscriptionMetadata: plan.subscriptionData.metadata,
        subscriptionDescription: plan.subscriptionData.description,
        setupIntentMetadata: plan.setupIntentData.metadata,
        customerCreation: plan.customerCreation ?? 'if_required',
      };
      // Stripe sends no event when a session is created.
      account.sessionExtras.set(session.id, extras);
      return { body: expandObject(account, session, expand, sessionVirtuals(account)) };
    },
  },
  {
    method: 'GET',
    path: '/v1/checkout/sessions/:id',
    handler: (_ctx, { account, params, pathParams }) => {
      const session = find(account.checkoutSessions, pathParams.id ?? '', 'checkout.session', 'session', 404);
      const expand = params.expand();
      params.finish();
      return { body: expandObject(account, session, expand, sessionVirtuals(account)) };
    },
  },
  {
    method: 'POST',
    path: '/v1/checkout/sessions/:id',
    handler: (_ctx, { account, params, pathParams }) => {
      const session = find(account.checkoutSessions, pathParams.id ?? '', 'checkout.session', 'session', 404);
      const metadata = params.metadata();
      const expand = params.expand();
      params.finish();
      session.metadata = session.metadata ?? {};
      applyMetadata(session.metadata, metadata);
      return { body: expandObject(account, session, expand, sessionVirtuals(account)) };
    },
  },
  {
    method: 'GET',
    path: '/v1/checkout/sessions/:id/line_items',
    handler: (_ctx, { account, params, pathParams }) => {
      const session = find(account.checkoutSessions, pathParams.id ?? '', 'checkout.session', 'session', 404);
      const expand = params.expand();
      // Line items keep the order they were given in, unlike other lists (newest first).
      const lines = account.sessionExtras.get(session.id)?.lineItems ?? [];
      const list = paginate(lines, params, `/v1/checkout/sessions/${session.id}/line_items`);
      params.finish();
      return { body: expandObject(account, list, expand) };
    },
  },
  {
    method: 'POST',
    path: '/v1/checkout/sessions/:id/expire',
    handler: (ctx, { account, params, pathParams, cause }) => {
      const session = find(account.checkoutSessions, pathParams.id ?? '', 'checkout.session', 'session', 404);
      const expand = params.expand();
      params.finish();
      expireSession(ctx, account, session, cause);
      return { body: expandObject(account, session, expand, sessionVirtuals(account)) };
    },
  },
  {
    method: 'GET',
    path: '/v1/checkout/sessions',
    handler: (_ctx, { account, params }) => {
      const paymentIntent = params.string('payment_intent');
      const subscription = params.string('subscription');
      const customer = params.string('customer');
      const status = params.enum('status', ['open', 'complete', 'expired'] as const);
      const expand = params.expand();
      const items = account.checkoutSessions
        .all()
        .filter((s) => paymentIntent === undefined || s.payment_intent === paymentIntent)
        .filter((s) => subscription === undefined || s.subscription === subscription)
        .filter((s) => customer === undefined || s.customer === customer)
        .filter((s) => status === undefined || s.status === status);
      const list = paginate(items, params, '/v1/checkout/sessions');
      params.finish();
      return { body: expandObject(account, list, expand) };
    },
  },
];
