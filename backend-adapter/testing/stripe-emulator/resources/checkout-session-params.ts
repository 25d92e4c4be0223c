/**
 * Validation of `POST /v1/checkout/sessions`, following the rules of API 2026-10-28.endive: the ui_mode
 * values renamed in 2026-03-25.dahlia, which URLs each ui_mode takes, mode-specific parameters and line items.
 * Nothing is saved here; the result is a plan the route turns into objects.
 */
import type Stripe from 'stripe';
import type { EmulatorContext } from '../context';
import { invalidRequest, missingParam } from '../errors';
import { find } from '../lookup';
import { checkChargeAmount, readCurrency } from '../money';
import { metadataOf, type Params } from '../params';
import { checkMethodCurrency, readMethodTypes, type MethodTypeChoice } from '../payment-methods';
import type { AccountState } from '../store';
import { readPriceData, type PendingPrice } from './prices';

export const UI_MODES = ['hosted_page', 'embedded_page', 'elements'] as const;
export type UiMode = (typeof UI_MODES)[number];
const RENAMED_UI_MODES: Readonly<Record<string, UiMode>> = {
  hosted: 'hosted_page',
  embedded: 'embedded_page',
  custom: 'elements',
};
const MODES = ['payment', 'subscription', 'setup'] as const;
type Mode = (typeof MODES)[number];

/** Checkout sessions live between 30 minutes and 24 hours (https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-expires_at). */
export const MIN_LIFETIME = 30 * 60;
export const MAX_LIFETIME = 24 * 60 * 60;
const DEFAULT_ADJUSTABLE_MAXIMUM = 99;
const ADJUSTABLE_LIMIT = 999999;

export interface PlannedLine {
  price: Stripe.Price;
  pending: PendingPrice | null;
  quantity: number;
  adjustable: Stripe.LineItem.AdjustableQuantity | null;
  metadata: Record<string, string>;
}

export interface SessionPlan {
  mode: Mode;
  uiMode: UiMode;
  successUrl: string | null;
  cancelUrl: string | null;
  returnUrl: string | null;
  redirectOnCompletion: Stripe.Checkout.Session.RedirectOnCompletion | null;
  lines: PlannedLine[];
  currency: string | null;
  customer: Stripe.Customer | null;
  customerEmail: string | null;
  customerCreation: 'always' | 'if_required' | null;
  clientReferenceId: string | null;
  metadata: Record<string, string>;
  methodTypes: MethodTypeChoice;
  expiresAt: number;
  submitType: Stripe.Checkout.Session.SubmitType | null;
  locale: string | null;
  billingAddressCollection: 'auto' | 'required' | null;
  phoneNumberCollection: boolean;
  allowPromotionCodes: boolean | null;
  paymentMethodCollection: 'always' | 'if_required' | null;
  paymentIntentData: { metadata: Record<string, string>; description: string | null };
  subscriptionData: { metadata: Record<string, string>; description: string | null };
  setupIntentData: { metadata: Record<string, string>; description: string | null };
}

function readUiMode(params: Params): UiMode {
  const raw = params.string('ui_mode');
  if (raw === undefined) return 'hosted_page';
  const renamed = RENAMED_UI_MODES[raw];
  if (renamed !== undefined) {
    throw invalidRequest(
      `Invalid ui_mode: ${raw}. The ui_mode values were renamed in API version 2026-03-25.dahlia: use ${renamed} instead of ${raw}.`,
      'ui_mode',
    );
  }
  const mode = UI_MODES.find((m) => m === raw);
  if (mode === undefined) {
    throw invalidRequest(
      `Invalid ui_mode: must be one of ${UI_MODES.join(', ')} (the emulator does not implement others).`,
      'ui_mode',
    );
  }
  return mode;
}

function readUrl(params: Params, key: string): string | null {
  const value = params.string(key, 5000);
  if (value === undefined) return null;
  let parsed: URL | null;
  try {
    parsed = new URL(value.replace('{CHECKOUT_SESSION_ID}', 'cs_placeholder'));
  } catch {
    parsed = null;
  }
  if (parsed === null || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw invalidRequest(`Not a valid URL`, key, 'url_invalid');
  }
  return value;
}

function readUrls(
  params: Params,
  uiMode: UiMode,
): Pick<SessionPlan, 'successUrl' | 'cancelUrl' | 'returnUrl' | 'redirectOnCompletion'> {
  const successUrl = readUrl(params, 'success_url');
  const cancelUrl = readUrl(params, 'cancel_url');
  const returnUrl = readUrl(params, 'return_url');
  const redirect = params.enum('redirect_on_completion', ['always', 'if_required', 'never'] as const);
  if (uiMode === 'hosted_page') {
    if (returnUrl !== null)
      throw invalidRequest(
        '`return_url` can only be used with `ui_mode=embedded_page` or `ui_mode=elements`. Use `success_url` with `hosted_page`.',
        'return_url',
      );
    if (redirect !== undefined)
      throw invalidRequest(
        '`redirect_on_completion` can only be used with `ui_mode=embedded_page` or `ui_mode=elements`.',
        'redirect_on_completion',
      );
    return { successUrl, cancelUrl, returnUrl: null, redirectOnCompletion: null };
  }
  if (successUrl !== null)
    throw invalidRequest(
      `You cannot use \`success_url\` with \`ui_mode=${uiMode}\`. Use \`return_url\` instead.`,
      'success_url',
    );
  if (cancelUrl !== null)
    throw invalidRequest(`You cannot use \`cancel_url\` with \`ui_mode=${uiMode}\`.`, 'cancel_url');
  const redirectOnCompletion = redirect ?? 'always';
  if (uiMode === 'embedded_page' && returnUrl === null && redirectOnCompletion !== 'never') {
    throw invalidRequest(
      '`return_url` is required when `ui_mode=embedded_page` unless `redirect_on_completion=never`.',
      'return_url',
      'parameter_missing',
    );
  }
  return { successUrl: null, cancelUrl: null, returnUrl, redirectOnCompletion };
}

function readAdjustable(item: Params, quantity: number): Stripe.LineItem.AdjustableQuantity | null {
  const adjustable = item.object('adjustable_quantity');
  if (adjustable === undefined) return null;
  const enabled = adjustable.boolean('enabled');
  if (enabled === undefined) throw missingParam(adjustable.name('enabled'));
  const minimum = adjustable.integer('minimum', { min: 0, max: ADJUSTABLE_LIMIT }) ?? 0;
  const maximum =
    adjustable.integer('maximum', { min: 1, max: ADJUSTABLE_LIMIT }) ?? DEFAULT_ADJUSTABLE_MAXIMUM;
  if (minimum > maximum)
    throw invalidRequest(
      'adjustable_quantity[minimum] must be less than or equal to adjustable_quantity[maximum].',
      adjustable.name('minimum'),
    );
  if (enabled && (quantity < minimum || quantity > maximum)) {
    throw invalidRequest(
      `Quantity ${quantity} is outside the adjustable range [${minimum}, ${maximum}].`,
      item.name('quantity'),
    );
  }
  return { enabled, minimum, maximum };
}

function readLine(ctx: EmulatorContext, account: AccountState, item: Params, mode: Mode): PlannedLine {
  const priceId = item.string('price');
  const priceData = item.object('price_data');
  if (priceId !== undefined && priceData !== undefined) {
    throw invalidRequest(
      'You may only specify one of these parameters: price, price_data.',
      item.name('price'),
    );
  }
  let price: Stripe.Price;
  let pending: PendingPrice | null = null;
  if (priceId !== undefined) {
    price = find(account.prices, priceId, 'price', item.name('price'));
    if (!price.active)
      throw invalidRequest(
        'The price specified is inactive. This field only accepts active prices.',
        item.name('price'),
      );
    if (price.custom_unit_amount !== null && mode !== 'payment') {
      throw invalidRequest(
        'Prices with custom_unit_amount can only be used in payment mode.',
        item.name('price'),
      );
    }
  } else if (priceData !== undefined) {
    pending = readPriceData(ctx, account, priceData, { allowProductData: true, requireRecurring: false });
    price = pending.price;
  } else {
    throw missingParam(item.name('price'));
  }
  const quantity = item.integer('quantity', { min: 0, max: ADJUSTABLE_LIMIT });
  if (quantity === undefined) throw missingParam(item.name('quantity'));
  const adjustable = readAdjustable(item, quantity);
  if (quantity === 0 && adjustable?.enabled !== true) {
    throw invalidRequest(
      'Quantity must be at least 1 unless adjustable_quantity allows 0.',
      item.name('quantity'),
    );
  }
  item.ignore('tax_rates', 'dynamic_tax_rates');
  return { price, pending, quantity, adjustable, metadata: metadataOf(item.metadata()) };
}

export function unitAmountOf(price: Stripe.Price): number {
  return price.unit_amount ?? price.custom_unit_amount?.preset ?? price.custom_unit_amount?.minimum ?? 0;
}

function checkLines(lines: PlannedLine[], mode: Mode, currency: string | null): string | null {
  if (mode === 'setup') {
    if (lines.length > 0) throw invalidRequest('You cannot pass `line_items` in `setup` mode.', 'line_items');
    return currency;
  }
  if (lines.length === 0) throw missingParam('line_items');
  const currencies = new Set(lines.map((l) => l.price.currency));
  if (currencies.size > 1) throw invalidRequest('All line items must use the same currency.', 'line_items');
  const lineCurrency = lines[0]?.price.currency ?? null;
  if (currency !== null && lineCurrency !== currency) {
    throw invalidRequest(
      `currency (${currency}) does not match the line items' currency (${lineCurrency}).`,
      'currency',
    );
  }
  const recurring = lines.filter((l) => l.price.recurring !== null);
  if (mode === 'payment' && recurring.length > 0) {
    throw invalidRequest(
      'You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.',
      'line_items',
    );
  }
  if (mode === 'subscription') {
    if (recurring.length === 0) {
      throw invalidRequest(
        'You must provide at least one recurring price in `subscription` mode when using prices.',
        'line_items',
      );
    }
    const intervals = new Set(
      recurring.map((l) => `${l.price.recurring?.interval}/${l.price.recurring?.interval_count}`),
    );
    if (intervals.size > 1)
      throw invalidRequest(
        'All prices on a subscription must have the same recurring interval.',
        'line_items',
      );
  }
  if (mode === 'payment') {
    const total = lines.reduce((sum, l) => sum + unitAmountOf(l.price) * l.quantity, 0);
    checkChargeAmount(total, lineCurrency ?? 'eur', 'line_items');
  }
  return lineCurrency;
}

function readIntentData(
  params: Params,
  key: string,
  allowed: boolean,
  mode: Mode,
): { metadata: Record<string, string>; description: string | null } {
  const data = params.object(key);
  if (data === undefined) return { metadata: {}, description: null };
  if (!allowed) throw invalidRequest(`You can not pass \`${key}\` in \`${mode}\` mode.`, key);
  const result = {
    metadata: metadataOf(data.metadata()),
    description: data.string('description', 1000) ?? null,
  };
  // Accepted because they change nothing the emulator models; trials, anchors and capture modes are not.
  data.ignore('receipt_email', 'setup_future_usage', 'statement_descriptor', 'statement_descriptor_suffix');
  return result;
}

function readExpiresAt(params: Params, now: number): number {
  const expiresAt = params.integer('expires_at');
  if (expiresAt === undefined) return now + MAX_LIFETIME;
  if (expiresAt < now + MIN_LIFETIME || expiresAt > now + MAX_LIFETIME) {
    throw invalidRequest(
      'The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.',
      'expires_at',
    );
  }
  return expiresAt;
}

function readCustomer(
  account: AccountState,
  params: Params,
  mode: Mode,
): Pick<SessionPlan, 'customer' | 'customerEmail' | 'customerCreation'> {
  const customerId = params.string('customer');
  const customerEmail = params.string('customer_email', 800) ?? null;
  if (customerId !== undefined && customerEmail !== null) {
    throw invalidRequest(
      'You may only specify one of these parameters: customer, customer_email.',
      'customer_email',
    );
  }
  if (customerEmail !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(customerEmail)) {
    throw invalidRequest(`Invalid email address: ${customerEmail}`, 'customer_email', 'email_invalid');
  }
  const customer =
    customerId === undefined ? null : find(account.customers, customerId, 'customer', 'customer');
  const creation = params.enum('customer_creation', ['always', 'if_required'] as const);
  if (creation !== undefined && mode !== 'payment') {
    throw invalidRequest('`customer_creation` can only be used in `payment` mode.', 'customer_creation');
  }
  return {
    customer,
    customerEmail,
    customerCreation: mode === 'payment' ? (creation ?? 'if_required') : null,
  };
}

export function readSessionPlan(ctx: EmulatorContext, account: AccountState, params: Params): SessionPlan {
  const mode = params.enum('mode', MODES);
  if (mode === undefined) throw missingParam('mode');
  const uiMode = readUiMode(params);
  const urls = readUrls(params, uiMode);
  const lines = params.list('line_items').map((item) => readLine(ctx, account, item, mode));
  const requestedCurrency = readCurrency(params, 'currency') ?? null;
  const methodTypes = readMethodTypes(params);
  if (mode === 'setup' && requestedCurrency === null && methodTypes.allowed === null) {
    throw invalidRequest(
      '`currency` is required in `setup` mode when `allowed_payment_method_types` is not set.',
      'currency',
      'parameter_missing',
    );
  }
  const currency = checkLines(lines, mode, requestedCurrency);
  if (currency !== null && methodTypes.allowed !== null)
    checkMethodCurrency(methodTypes.allowed, currency, 'allowed_payment_method_types');
  const submitType =
    params.enum('submit_type', ['auto', 'book', 'donate', 'pay', 'subscribe'] as const) ?? null;
  if (submitType !== null && submitType !== 'subscribe' && mode !== 'payment') {
    throw invalidRequest('You can only pass `submit_type` in `payment` mode.', 'submit_type');
  }
  const phone = params.object('phone_number_collection');
  const phoneEnabled = phone?.boolean('enabled') ?? false;
  const paymentMethodCollection =
    params.enum('payment_method_collection', ['always', 'if_required'] as const) ?? null;
  const automaticTax = params.object('automatic_tax');
  if (automaticTax?.boolean('enabled') === true)
    throw invalidRequest('The emulator does not implement automatic_tax.', 'automatic_tax[enabled]');
  automaticTax?.ignore('liability');
  const invoiceCreation = params.object('invoice_creation');
  if (invoiceCreation !== undefined) {
    if (mode !== 'payment')
      throw invalidRequest('`invoice_creation` can only be used in `payment` mode.', 'invoice_creation');
    if (invoiceCreation.boolean('enabled') === true)
      throw invalidRequest('The emulator does not implement invoice_creation.', 'invoice_creation[enabled]');
    invoiceCreation.ignore('invoice_data');
  }
  params.ignore('custom_text', 'consent_collection', 'custom_fields');
  return {
    mode,
    uiMode,
    ...urls,
    lines,
    currency,
    ...readCustomer(account, params, mode),
    clientReferenceId: params.string('client_reference_id', 200) ?? null,
    metadata: metadataOf(params.metadata()),
    methodTypes,
    expiresAt: readExpiresAt(params, ctx.clock.now()),
    submitType,
    locale: params.string('locale', 10) ?? null,
    billingAddressCollection:
      params.enum('billing_address_collection', ['auto', 'required'] as const) ?? null,
    phoneNumberCollection: phoneEnabled,
    allowPromotionCodes: params.boolean('allow_promotion_codes') ?? null,
    paymentMethodCollection,
    paymentIntentData: readIntentData(params, 'payment_intent_data', mode === 'payment', mode),
    subscriptionData: readIntentData(params, 'subscription_data', mode === 'subscription', mode),
    setupIntentData: readIntentData(params, 'setup_intent_data', mode === 'setup', mode),
  };
}
