/** Subscription objects and /v1/subscriptions: create, retrieve, update, cancel (DELETE), list. */
import type Stripe from 'stripe';
import type { ApiRoute, EmulatorContext } from '../context';
import { EmulatorError, invalidRequest, missingParam } from '../errors';
import { previousAttributes } from '../events';
import { expandObject } from '../expand';
import { newId } from '../ids';
import { embeddedList, paginate } from '../list';
import { find } from '../lookup';
import { applyMetadata, metadataOf, type Params } from '../params';
import { cancelSubscription, startSubscription, type SubscriptionItemSpec } from '../flows/subscriptions';
import type { AccountState } from '../store';
import { readPriceData, savePendingPrice, type PendingPrice } from './prices';

export function planFromPrice(price: Stripe.Price): Stripe.Plan {
  const recurring = price.recurring;
  return {
    id: price.id,
    object: 'plan',
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: 'per_unit',
    created: price.created,
    currency: price.currency,
    interval: recurring?.interval ?? 'month',
    interval_count: recurring?.interval_count ?? 1,
    livemode: false,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: price.product,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: 'licensed',
  };
}

export function buildSubscriptionItem(
  ctx: EmulatorContext,
  subscription: string,
  spec: SubscriptionItemSpec,
  period: { start: number; end: number },
): Stripe.SubscriptionItem {
  return {
    id: newId('si'),
    object: 'subscription_item',
    billing_thresholds: null,
    created: ctx.clock.now(),
    current_period_end: period.end,
    current_period_start: period.start,
    current_trial: null,
    discounts: [],
    metadata: spec.metadata,
    plan: planFromPrice(spec.price),
    price: spec.price,
    quantity: spec.quantity,
    subscription,
    tax_rates: [],
  };
}

export interface SubscriptionFields {
  customer: string;
  currency: string;
  metadata: Record<string, string>;
  description: string | null;
  collectionMethod: 'charge_automatically' | 'send_invoice';
  daysUntilDue: number | null;
  defaultPaymentMethod: string | null;
  cancelAtPeriodEnd: boolean;
  paymentMethodTypes: string[] | null;
}

export function buildSubscription(ctx: EmulatorContext, fields: SubscriptionFields): Stripe.Subscription {
  const id = newId('sub');
  const now = ctx.clock.now();
  return {
    id,
    object: 'subscription',
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: now,
    billing_cycle_anchor_config: null,
    billing_mode: { type: 'flexible', flexible: { proration_discounts: 'included' }, updated_at: now },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: fields.cancelAtPeriodEnd,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: fields.collectionMethod,
    created: now,
    currency: fields.currency,
    customer: fields.customer,
    customer_account: null,
    days_until_due: fields.daysUntilDue,
    default_payment_method: fields.defaultPaymentMethod,
    default_source: null,
    default_tax_rates: [],
    description: fields.description,
    discounts: [],
    ended_at: null,
    invoice_settings: {
      account_tax_ids: null,
      custom_fields: null,
      description: null,
      footer: null,
      issuer: { type: 'self' },
    },
    items: embeddedList<Stripe.SubscriptionItem>([], `/v1/subscription_items?subscription=${id}`),
    latest_invoice: null,
    livemode: false,
    managed_payments: null,
    metadata: fields.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: {
      payment_method_options: null,
      payment_method_types: fields.paymentMethodTypes,
      save_default_payment_method: 'off',
    },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: now,
    status: fields.collectionMethod === 'send_invoice' ? 'active' : 'incomplete',
    test_clock: null,
    transfer_data: null,
    trial_end: null,
    trial_settings: null,
    trial_start: null,
  };
}

/** Items take an existing recurring `price` or an inline `price_data` whose `product` must already exist. */
function readItems(
  ctx: EmulatorContext,
  account: AccountState,
  params: Params,
): { pending: PendingPrice | null; spec: Omit<SubscriptionItemSpec, 'price'> & { price: Stripe.Price } }[] {
  const items = params.list('items');
  if (items.length === 0) throw missingParam('items');
  if (items.length > 20) throw invalidRequest('A subscription can have at most 20 items.', 'items');
  return items.map((item) => {
    const priceId = item.string('price');
    const priceData = item.object('price_data');
    if (priceId !== undefined && priceData !== undefined) {
      throw invalidRequest(
        'You may only specify one of these parameters: price, price_data.',
        item.name('price'),
      );
    }
    let pending: PendingPrice | null = null;
    let price: Stripe.Price;
    if (priceId !== undefined) {
      price = find(account.prices, priceId, 'price', item.name('price'));
      if (price.recurring === null) {
        throw invalidRequest(
          'The price specified is set to `type=one_time` but this field only accepts prices with `type=recurring`.',
          item.name('price'),
        );
      }
    } else if (priceData !== undefined) {
      pending = readPriceData(ctx, account, priceData, { allowProductData: false, requireRecurring: true });
      price = pending.price;
    } else {
      throw missingParam(item.name('price'));
    }
    const quantity = item.integer('quantity', { min: 1, max: 999999 }) ?? 1;
    return { pending, spec: { price, quantity, metadata: metadataOf(item.metadata()) } };
  });
}

const PAYMENT_BEHAVIORS = [
  'allow_incomplete',
  'default_incomplete',
  'error_if_incomplete',
  'pending_if_incomplete',
] as const;

export const subscriptionRoutes: ApiRoute[] = [
  {
    method: 'POST',
    path: '/v1/subscriptions',
    handler: (ctx, { account, params, cause }) => {
      const customer = find(account.customers, params.requiredString('customer'), 'customer', 'customer');
      const items = readItems(ctx, account, params);
      const currencies = new Set(items.map((i) => i.spec.price.currency));
      const intervals = new Set(
        items.map((i) => `${i.spec.price.recurring?.interval}/${i.spec.price.recurring?.interval_count}`),
      );
      if (currencies.size > 1)
        throw invalidRequest('All prices on a subscription must have the same currency.', 'items');
      if (intervals.size > 1)
        throw invalidRequest('All prices on a subscription must have the same recurring interval.', 'items');
      const collectionMethod =
        params.enum('collection_method', ['charge_automatically', 'send_invoice'] as const) ??
        'charge_automatically';
      const daysUntilDue = params.integer('days_until_due', { min: 0, max: 365 });
      if (collectionMethod === 'send_invoice' && daysUntilDue === undefined)
        throw missingParam('days_until_due');
      const paymentBehavior = params.enum('payment_behavior', PAYMENT_BEHAVIORS) ?? 'allow_incomplete';
      const pmParam = params.string('default_payment_method');
      const defaultMethod =
        pmParam === undefined ? undefined : account.paymentMethods.resolve(pmParam, 'default_payment_method');
      const settings = params.object('payment_settings');
      const paymentMethodTypes = settings?.stringList('payment_method_types') ?? null;
      settings?.enum('save_default_payment_method', ['off', 'on_subscription'] as const);
      const metadata = metadataOf(params.metadata());
      const description = params.string('description', 500) ?? null;
      const cancelAtPeriodEnd = params.boolean('cancel_at_period_end') ?? false;
      params.ignore('off_session', 'proration_behavior');
      const expand = params.expand();
      params.finish();
      const methodId = defaultMethod?.id ?? customer.invoice_settings.default_payment_method;
      const method = typeof methodId === 'string' ? account.paymentMethods.get(methodId) : undefined;
      const charging =
        collectionMethod === 'charge_automatically' && paymentBehavior !== 'default_incomplete';
      if (charging && method === undefined) {
        throw invalidRequest(
          'This customer has no attached payment source or default payment method. Please consider adding a default payment method. For more information, visit https://stripe.com/docs/billing/subscriptions/payment-methods-setting#payment-method-priority.',
          undefined,
          'resource_missing',
        );
      }
      if (paymentBehavior === 'error_if_incomplete' && method?.declineCode) {
        throw new EmulatorError(402, 'card_error', 'Your card was declined.', 'card_declined', undefined, {
          decline_code: method.declineCode,
        });
      }
      for (const item of items) if (item.pending !== null) savePendingPrice(ctx, account, item.pending);
      const { subscription } = startSubscription(
        ctx,
        account,
        {
          customer,
          items: items.map((i) => i.spec),
          oneTimeItems: [],
          fields: {
            customer: customer.id,
            currency: [...currencies][0] ?? 'eur',
            metadata,
            description,
            collectionMethod,
            daysUntilDue: daysUntilDue ?? null,
            defaultPaymentMethod: defaultMethod?.id ?? null,
            cancelAtPeriodEnd,
            paymentMethodTypes,
          },
          charge: charging ? method : undefined,
        },
        cause,
      );
      return { body: expandObject(account, subscription, expand) };
    },
  },
  {
    method: 'GET',
    path: '/v1/subscriptions/:id',
    handler: (_ctx, { account, params, pathParams }) => {
      const subscription = find(account.subscriptions, pathParams.id ?? '', 'subscription', 'id', 404);
      const expand = params.expand();
      params.finish();
      return { body: expandObject(account, subscription, expand) };
    },
  },
  {
    method: 'POST',
    path: '/v1/subscriptions/:id',
    handler: (ctx, { account, params, pathParams, cause }) => {
      const subscription = find(account.subscriptions, pathParams.id ?? '', 'subscription', 'id', 404);
      const cancelAtPeriodEnd = params.boolean('cancel_at_period_end');
      const description = params.string('description', 500);
      const metadata = params.metadata();
      const pmParam = params.string('default_payment_method');
      const method =
        pmParam === undefined ? undefined : account.paymentMethods.resolve(pmParam, 'default_payment_method');
      params.ignore('proration_behavior');
      const expand = params.expand();
      params.finish();
      if (subscription.status === 'canceled') {
        throw invalidRequest(
          'A canceled subscription can only update its cancellation_details and metadata.',
        );
      }
      const before = structuredClone(subscription);
      if (cancelAtPeriodEnd !== undefined) {
        subscription.cancel_at_period_end = cancelAtPeriodEnd;
        subscription.cancel_at = cancelAtPeriodEnd
          ? (subscription.items.data[0]?.current_period_end ?? null)
          : null;
        subscription.canceled_at = cancelAtPeriodEnd ? ctx.clock.now() : null;
      }
      if (description !== undefined) subscription.description = description;
      if (method !== undefined) subscription.default_payment_method = method.id;
      applyMetadata(subscription.metadata, metadata);
      ctx.events.publish(
        account,
        'customer.subscription.updated',
        subscription,
        cause,
        previousAttributes(before, subscription),
      );
      return { body: expandObject(account, subscription, expand) };
    },
  },
  {
    method: 'DELETE',
    path: '/v1/subscriptions/:id',
    handler: (ctx, { account, params, pathParams, cause }) => {
      const subscription = find(account.subscriptions, pathParams.id ?? '', 'subscription', 'id', 404);
      const details = params.object('cancellation_details');
      const comment = details?.string('comment', 5000) ?? null;
      details?.ignore('feedback');
      params.ignore('invoice_now', 'prorate');
      const expand = params.expand();
      params.finish();
      if (subscription.status === 'canceled') {
        throw invalidRequest(`No such subscription: '${subscription.id}'`, 'id', 'resource_missing');
      }
      cancelSubscription(ctx, account, subscription, 'cancellation_requested', comment, cause);
      return { body: expandObject(account, subscription, expand) };
    },
  },
  {
    method: 'GET',
    path: '/v1/subscriptions',
    handler: (_ctx, { account, params }) => {
      const customer = params.string('customer');
      const price = params.string('price');
      const status = params.string('status');
      const expand = params.expand();
      const items = account.subscriptions
        .all()
        .filter((s) => customer === undefined || s.customer === customer)
        .filter((s) => price === undefined || s.items.data.some((i) => i.price.id === price))
        // Stripe lists every status but `canceled` unless asked.
        .filter((s) =>
          status === undefined ? s.status !== 'canceled' : status === 'all' || s.status === status,
        );
      const list = paginate(items, params, '/v1/subscriptions');
      params.finish();
      return { body: expandObject(account, list, expand) };
    },
  },
];
