/**
 * Invoices exist here because subscriptions produce them (first payment, each renewal). The API exposes
 * retrieve and list; creation happens in flows/invoices.ts.
 */
import type Stripe from 'stripe';
import type { ApiRoute, EmulatorContext } from '../context';
import { expandObject } from '../expand';
import { newId } from '../ids';
import { embeddedList, paginate } from '../list';
import { find } from '../lookup';
import type { AccountState } from '../store';
import { wireDecimal } from '../wire';

export interface InvoiceLineSpec {
  price: Stripe.Price;
  quantity: number;
  /** The subscription item it bills, or null for a one-time item added to the first invoice. */
  subscriptionItem: string | null;
  period: { start: number; end: number };
}

function productName(account: AccountState, price: Stripe.Price): string {
  const productId = typeof price.product === 'string' ? price.product : price.product.id;
  return account.products.get(productId)?.name ?? productId;
}

function buildLine(
  account: AccountState,
  invoiceId: string,
  subscription: Stripe.Subscription,
  spec: InvoiceLineSpec,
): Stripe.InvoiceLineItem {
  const unit = spec.price.unit_amount ?? 0;
  const amount = unit * spec.quantity;
  const productId = typeof spec.price.product === 'string' ? spec.price.product : spec.price.product.id;
  const parent: Stripe.InvoiceLineItem.Parent =
    spec.subscriptionItem === null
      ? {
          type: 'invoice_item_details',
          invoice_item_details: {
            invoice_item: newId('ii'),
            proration: false,
            proration_details: null,
            subscription: subscription.id,
          },
          subscription_item_details: null,
        }
      : {
          type: 'subscription_item_details',
          invoice_item_details: null,
          subscription_item_details: {
            invoice_item: null,
            proration: false,
            proration_details: null,
            subscription: subscription.id,
            subscription_item: spec.subscriptionItem,
          },
        };
  return {
    id: newId('il'),
    object: 'line_item',
    amount,
    currency: spec.price.currency,
    description: `${spec.quantity} × ${productName(account, spec.price)}`,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: invoiceId,
    livemode: false,
    metadata: {},
    parent,
    period: spec.period,
    pretax_credit_amounts: [],
    pricing: {
      type: 'price_details',
      price_details: { price: spec.price.id, product: productId },
      unit_amount_decimal: wireDecimal(unit),
    },
    quantity: spec.quantity,
    quantity_decimal: wireDecimal(spec.quantity),
    subscription: subscription.id,
    subtotal: amount,
    taxes: [],
  };
}

export function buildInvoicePayment(
  ctx: EmulatorContext,
  invoice: Stripe.Invoice,
  paymentIntent: string,
): Stripe.InvoicePayment {
  return {
    id: newId('inpay'),
    object: 'invoice_payment',
    amount_paid: null,
    amount_requested: invoice.amount_due,
    created: ctx.clock.now(),
    currency: invoice.currency,
    invoice: invoice.id,
    is_default: true,
    livemode: false,
    payment: { type: 'payment_intent', payment_intent: paymentIntent },
    status: 'open',
    status_transitions: { canceled_at: null, paid_at: null },
  };
}

export function buildInvoice(
  ctx: EmulatorContext,
  account: AccountState,
  subscription: Stripe.Subscription,
  lines: InvoiceLineSpec[],
  billingReason: 'subscription_create' | 'subscription_cycle',
  customer: Stripe.Customer | undefined,
): Stripe.Invoice {
  const id = newId('in');
  const now = ctx.clock.now();
  const built = lines.map((spec) => buildLine(account, id, subscription, spec));
  const total = built.reduce((sum, line) => sum + line.amount, 0);
  const period = lines[0]?.period ?? { start: now, end: now };
  const sendInvoice = subscription.collection_method === 'send_invoice';
  const sequence = account.invoices.all().length + 1;
  return {
    id,
    object: 'invoice',
    account_country: 'FR',
    account_name: 'Association (Guichet emulator)',
    account_tax_ids: null,
    amount_due: total,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: total,
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: true,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: billingReason,
    collection_method: subscription.collection_method,
    confirmation_secret: null,
    created: now,
    currency: subscription.currency,
    custom_fields: null,
    customer: typeof subscription.customer === 'string' ? subscription.customer : subscription.customer.id,
    customer_account: null,
    customer_address: null,
    customer_email: customer?.email ?? null,
    customer_name: customer?.name ?? null,
    customer_phone: null,
    customer_shipping: null,
    customer_tax_exempt: 'none',
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: subscription.description,
    discounts: [],
    due_date: sendInvoice ? now + (subscription.days_until_due ?? 30) * 86400 : null,
    effective_at: now,
    ending_balance: 0,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: `${ctx.baseUrl()}/invoices/${id}`,
    invoice_pdf: null,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    lines: embeddedList(built, `/v1/invoices/${id}/lines`),
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number: `${account.id.slice(-8).toUpperCase()}-${String(sequence).padStart(4, '0')}`,
    on_behalf_of: null,
    parent: {
      type: 'subscription_details',
      quote_details: null,
      subscription_details: { metadata: { ...subscription.metadata }, subscription: subscription.id },
    },
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    payments: embeddedList<Stripe.InvoicePayment>([], `/v1/invoices/${id}/payments`),
    period_end: period.start,
    period_start: period.start,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: 'open',
    status_transitions: { finalized_at: now, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal: total,
    subtotal_excluding_tax: total,
    test_clock: null,
    total,
    total_discount_amounts: [],
    total_excluding_tax: total,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: now,
  };
}

export const invoiceRoutes: ApiRoute[] = [
  {
    method: 'GET',
    path: '/v1/invoices/:id',
    handler: (_ctx, { account, params, pathParams }) => {
      const invoice = find(account.invoices, pathParams.id ?? '', 'invoice', 'id', 404);
      const expand = params.expand();
      params.finish();
      return { body: expandObject(account, invoice, expand) };
    },
  },
  {
    method: 'GET',
    path: '/v1/invoices',
    handler: (_ctx, { account, params }) => {
      const subscription = params.string('subscription');
      const customer = params.string('customer');
      const status = params.enum('status', ['draft', 'open', 'paid', 'uncollectible', 'void'] as const);
      const expand = params.expand();
      const items = account.invoices
        .all()
        .filter(
          (i) => subscription === undefined || i.parent?.subscription_details?.subscription === subscription,
        )
        .filter((i) => customer === undefined || i.customer === customer)
        .filter((i) => status === undefined || i.status === status);
      const list = paginate(items, params, '/v1/invoices');
      params.finish();
      return { body: expandObject(account, list, expand) };
    },
  },
];
