/** /v1/customers: create, retrieve, update, list (by email). */
import type Stripe from 'stripe';
import type { ApiRequest, ApiRoute, EmulatorContext } from '../context';
import { invalidRequest } from '../errors';
import { previousAttributes } from '../events';
import { expandObject } from '../expand';
import { newId } from '../ids';
import { paginate } from '../list';
import { find, save } from '../lookup';
import { applyMetadata, metadataOf, type Params } from '../params';
import type { AccountState } from '../store';

export interface CustomerFields {
  email: string | null;
  name: string | null;
  metadata?: Record<string, string>;
}

export function buildCustomer(ctx: EmulatorContext, fields: CustomerFields): Stripe.Customer {
  return {
    id: newId('cus'),
    object: 'customer',
    address: null,
    balance: 0,
    created: ctx.clock.now(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    discount: null,
    email: fields.email,
    invoice_prefix: newId('cus').slice(4, 12).toUpperCase(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: fields.metadata ?? {},
    name: fields.name,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
}

/** Creates and announces a customer, as Checkout does when it needs one. */
export function createCustomer(
  ctx: EmulatorContext,
  account: AccountState,
  fields: CustomerFields,
  cause: ApiRequest['cause'],
): Stripe.Customer {
  const customer = save(ctx, account, account.customers, buildCustomer(ctx, fields));
  ctx.events.publish(account, 'customer.created', customer, cause);
  return customer;
}

/**
 * `payment_method` attaches a (test) method; `invoice_settings.default_payment_method` may repeat that token
 * (`pm_card_visa` twice means "the one just attached", as in Stripe's test-mode examples).
 */
function readDefaultPaymentMethod(account: AccountState, params: Params): string | null | undefined {
  const token = params.string('payment_method');
  const attached = token === undefined ? undefined : account.paymentMethods.resolve(token, 'payment_method');
  const wanted = params.object('invoice_settings')?.string('default_payment_method');
  if (wanted === undefined) return undefined;
  if (attached !== undefined && (wanted === token || wanted === attached.id)) return attached.id;
  const known = account.paymentMethods.get(wanted);
  if (known === undefined) {
    throw invalidRequest(
      `No such PaymentMethod: '${wanted}'; it must be attached to the customer first.`,
      'invoice_settings[default_payment_method]',
      'resource_missing',
    );
  }
  return known.id;
}

export const customerRoutes: ApiRoute[] = [
  {
    method: 'POST',
    path: '/v1/customers',
    handler: (ctx, { account, params, cause }) => {
      const customer = buildCustomer(ctx, {
        email: params.string('email', 512) ?? null,
        name: params.string('name', 256) ?? null,
        metadata: metadataOf(params.metadata()),
      });
      customer.description = params.string('description') ?? null;
      customer.phone = params.string('phone', 20) ?? null;
      customer.preferred_locales = params.stringList('preferred_locales') ?? [];
      customer.invoice_settings.default_payment_method = readDefaultPaymentMethod(account, params) ?? null;
      const expand = params.expand();
      params.finish();
      save(ctx, account, account.customers, customer);
      ctx.events.publish(account, 'customer.created', customer, cause);
      return { body: expandObject(account, customer, expand) };
    },
  },
  {
    method: 'GET',
    path: '/v1/customers/:id',
    handler: (_ctx, { account, params, pathParams }) => {
      const customer = find(account.customers, pathParams.id ?? '', 'customer', 'id', 404);
      const expand = params.expand();
      params.finish();
      return { body: expandObject(account, customer, expand) };
    },
  },
  {
    method: 'POST',
    path: '/v1/customers/:id',
    handler: (ctx, { account, params, pathParams, cause }) => {
      const customer = find(account.customers, pathParams.id ?? '', 'customer', 'id', 404);
      const before = structuredClone(customer);
      const email = params.string('email', 512);
      const name = params.string('name', 256);
      const description = params.string('description');
      const metadata = params.metadata();
      const defaultPaymentMethod = readDefaultPaymentMethod(account, params);
      const expand = params.expand();
      params.finish();
      if (email !== undefined) customer.email = email;
      if (name !== undefined) customer.name = name;
      if (description !== undefined) customer.description = description;
      if (defaultPaymentMethod !== undefined)
        customer.invoice_settings.default_payment_method = defaultPaymentMethod;
      applyMetadata(customer.metadata, metadata);
      ctx.events.publish(account, 'customer.updated', customer, cause, previousAttributes(before, customer));
      return { body: expandObject(account, customer, expand) };
    },
  },
  {
    method: 'GET',
    path: '/v1/customers',
    handler: (_ctx, { account, params }) => {
      const email = params.string('email');
      const expand = params.expand();
      const list = paginate(
        account.customers.all().filter((c) => email === undefined || c.email === email),
        params,
        '/v1/customers',
      );
      params.finish();
      return { body: expandObject(account, list, expand) };
    },
  },
];
