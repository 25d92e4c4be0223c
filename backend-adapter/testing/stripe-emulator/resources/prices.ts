/**
 * /v1/prices (create, retrieve, list) and the inline `price_data` that Checkout and Subscriptions accept.
 * Inline prices become real, inactive Price objects, as in Stripe.
 */
import type Stripe from 'stripe';
import type { ApiRoute, EmulatorContext } from '../context';
import { invalidRequest, missingParam, unknownParam } from '../errors';
import { expandObject } from '../expand';
import { newId } from '../ids';
import { paginate } from '../list';
import { find, save } from '../lookup';
import { MAXIMUM_AMOUNT, readCurrency } from '../money';
import { metadataOf, type Params } from '../params';
import type { AccountState } from '../store';
import { wireDecimal } from '../wire';
import { buildProduct } from './products';

const INTERVALS = ['day', 'week', 'month', 'year'] as const;
type Interval = (typeof INTERVALS)[number];

/** Stripe caps a billing period at one year (https://docs.stripe.com/api/prices/create#create_price-recurring-interval_count). */
const MAX_INTERVAL_COUNT: Record<Interval, number> = { day: 365, week: 52, month: 12, year: 1 };

function readRecurring(params: Params, key: string): Stripe.Price.Recurring | null {
  const recurring = params.object(key);
  if (recurring === undefined) return null;
  const interval = recurring.enum('interval', INTERVALS);
  if (interval === undefined) throw missingParam(recurring.name('interval'));
  const count = recurring.integer('interval_count', { min: 1, max: MAX_INTERVAL_COUNT[interval] }) ?? 1;
  recurring.ignore('usage_type');
  return { interval, interval_count: count, meter: null, trial_period_days: null, usage_type: 'licensed' };
}

/** A price that has been validated but not yet saved, with the product it may bring along. */
export interface PendingPrice {
  price: Stripe.Price;
  newProduct: Stripe.Product | null;
}

interface PriceShape {
  currency: string;
  unitAmount: number | null;
  customUnitAmount: Stripe.Price.CustomUnitAmount | null;
  recurring: Stripe.Price.Recurring | null;
  product: string;
  active: boolean;
  metadata: Record<string, string>;
}

export function buildPrice(ctx: EmulatorContext, shape: PriceShape): Stripe.Price {
  return {
    id: newId('price'),
    object: 'price',
    active: shape.active,
    billing_scheme: 'per_unit',
    created: ctx.clock.now(),
    currency: shape.currency,
    custom_unit_amount: shape.customUnitAmount,
    livemode: false,
    lookup_key: null,
    metadata: shape.metadata,
    nickname: null,
    product: shape.product,
    recurring: shape.recurring,
    tax_behavior: 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: shape.recurring === null ? 'one_time' : 'recurring',
    unit_amount: shape.unitAmount,
    unit_amount_decimal: shape.unitAmount === null ? null : wireDecimal(shape.unitAmount),
  };
}

function readUnitAmount(params: Params): number | undefined {
  const amount = params.integer('unit_amount', { min: 0, max: MAXIMUM_AMOUNT });
  const decimal = params.string('unit_amount_decimal');
  if (amount !== undefined && decimal !== undefined) {
    throw invalidRequest(
      'You may only specify one of these parameters: unit_amount, unit_amount_decimal.',
      params.name('unit_amount'),
    );
  }
  if (decimal === undefined) return amount;
  // Fractional cents exist in Stripe but no Guichet flow uses them.
  if (!/^\d+$/.test(decimal))
    throw invalidRequest(
      'The emulator only supports whole unit_amount_decimal values.',
      params.name('unit_amount_decimal'),
    );
  return Number(decimal);
}

function readProduct(
  ctx: EmulatorContext,
  account: AccountState,
  params: Params,
  allowProductData: boolean,
): { product: string; newProduct: Stripe.Product | null } {
  // The Subscriptions API has no product_data; say so rather than "missing product".
  if (!allowProductData && params.provided('product_data')) throw unknownParam(params.name('product_data'));
  const productId = params.string('product');
  const productData = allowProductData ? params.object('product_data') : undefined;
  if (productId !== undefined && productData !== undefined) {
    throw invalidRequest(
      'You may only specify one of these parameters: product, product_data.',
      params.name('product'),
    );
  }
  if (productId !== undefined) {
    find(account.products, productId, 'product', params.name('product'));
    return { product: productId, newProduct: null };
  }
  if (productData === undefined)
    throw missingParam(params.name(allowProductData ? 'product_data' : 'product'));
  const newProduct = buildProduct(ctx, {
    name: productData.requiredString('name', 250),
    description: productData.string('description') ?? null,
    metadata: metadataOf(productData.metadata()),
  });
  productData.ignore('images', 'tax_code', 'unit_label', 'statement_descriptor');
  return { product: newProduct.id, newProduct };
}

/**
 * Reads an inline `price_data`. Checkout allows `product_data`; the Subscriptions API does not and requires
 * `recurring` (SDK type `SubscriptionCreateParams.Item.PriceData`).
 */
export function readPriceData(
  ctx: EmulatorContext,
  account: AccountState,
  params: Params,
  rules: { allowProductData: boolean; requireRecurring: boolean },
): PendingPrice {
  const currency = readCurrency(params, 'currency', true);
  const unitAmount = readUnitAmount(params);
  if (unitAmount === undefined) throw missingParam(params.name('unit_amount'));
  const recurring = readRecurring(params, 'recurring');
  if (rules.requireRecurring && recurring === null) throw missingParam(params.name('recurring'));
  const { product, newProduct } = readProduct(ctx, account, params, rules.allowProductData);
  params.ignore('tax_behavior');
  const price = buildPrice(ctx, {
    currency,
    unitAmount,
    customUnitAmount: null,
    recurring,
    product,
    active: false,
    metadata: {},
  });
  return { price, newProduct };
}

export function savePendingPrice(
  ctx: EmulatorContext,
  account: AccountState,
  pending: PendingPrice,
): Stripe.Price {
  if (pending.newProduct !== null) save(ctx, account, account.products, pending.newProduct);
  return save(ctx, account, account.prices, pending.price);
}

function readCustomUnitAmount(params: Params): Stripe.Price.CustomUnitAmount | null {
  const custom = params.object('custom_unit_amount');
  if (custom === undefined) return null;
  if (custom.boolean('enabled') !== true) throw missingParam(custom.name('enabled'));
  const minimum = custom.integer('minimum', { min: 0, max: MAXIMUM_AMOUNT }) ?? null;
  const maximum = custom.integer('maximum', { min: 0, max: MAXIMUM_AMOUNT }) ?? null;
  const preset = custom.integer('preset', { min: 0, max: MAXIMUM_AMOUNT }) ?? null;
  if (minimum !== null && maximum !== null && minimum > maximum) {
    throw invalidRequest(
      'custom_unit_amount[minimum] must be less than or equal to custom_unit_amount[maximum].',
      custom.name('minimum'),
    );
  }
  return { minimum, maximum, preset };
}

export const priceRoutes: ApiRoute[] = [
  {
    method: 'POST',
    path: '/v1/prices',
    handler: (ctx, { account, params, cause }) => {
      const currency = readCurrency(params, 'currency', true);
      const unitAmount = readUnitAmount(params);
      const customUnitAmount = readCustomUnitAmount(params);
      if ((unitAmount === undefined) === (customUnitAmount === null)) {
        throw invalidRequest(
          'You must specify exactly one of unit_amount or custom_unit_amount.',
          'unit_amount',
        );
      }
      const recurring = readRecurring(params, 'recurring');
      if (recurring !== null && customUnitAmount !== null) {
        throw invalidRequest(
          'custom_unit_amount is not supported for recurring prices.',
          'custom_unit_amount',
        );
      }
      const { product, newProduct } = readProduct(ctx, account, params, true);
      const price = buildPrice(ctx, {
        currency,
        unitAmount: unitAmount ?? null,
        customUnitAmount,
        recurring,
        product,
        active: params.boolean('active') ?? true,
        metadata: metadataOf(params.metadata()),
      });
      price.nickname = params.string('nickname') ?? null;
      price.lookup_key = params.string('lookup_key', 200) ?? null;
      params.ignore('tax_behavior');
      const expand = params.expand();
      params.finish();
      if (price.lookup_key !== null && account.prices.all().some((p) => p.lookup_key === price.lookup_key)) {
        throw invalidRequest(`A price with lookup_key ${price.lookup_key} already exists.`, 'lookup_key');
      }
      savePendingPrice(ctx, account, { price, newProduct });
      ctx.events.publish(account, 'price.created', price, cause);
      return { body: expandObject(account, price, expand) };
    },
  },
  {
    method: 'GET',
    path: '/v1/prices/:id',
    handler: (_ctx, { account, params, pathParams }) => {
      const price = find(account.prices, pathParams.id ?? '', 'price', 'id', 404);
      const expand = params.expand();
      params.finish();
      return { body: expandObject(account, price, expand) };
    },
  },
  {
    method: 'GET',
    path: '/v1/prices',
    handler: (_ctx, { account, params }) => {
      const product = params.string('product');
      const active = params.boolean('active');
      const lookupKeys = params.stringList('lookup_keys');
      const expand = params.expand();
      const items = account.prices
        .all()
        .filter((p) => product === undefined || p.product === product)
        .filter((p) => active === undefined || p.active === active)
        .filter(
          (p) => lookupKeys === undefined || (p.lookup_key !== null && lookupKeys.includes(p.lookup_key)),
        );
      const list = paginate(items, params, '/v1/prices');
      params.finish();
      return { body: expandObject(account, list, expand) };
    },
  },
];
