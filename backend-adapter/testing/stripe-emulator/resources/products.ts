/** /v1/products: create (with an optional caller-chosen id), retrieve, update, list. */
import type Stripe from 'stripe';
import type { ApiRoute, EmulatorContext } from '../context';
import { invalidRequest } from '../errors';
import { previousAttributes } from '../events';
import { expandObject } from '../expand';
import { newId } from '../ids';
import { paginate } from '../list';
import { find, save } from '../lookup';
import { applyMetadata, metadataOf } from '../params';

export function buildProduct(
  ctx: EmulatorContext,
  fields: {
    id?: string;
    name: string;
    description?: string | null;
    metadata?: Record<string, string>;
    active?: boolean;
  },
): Stripe.Product {
  const now = ctx.clock.now();
  return {
    id: fields.id ?? newId('prod'),
    object: 'product',
    active: fields.active ?? true,
    created: now,
    default_price: null,
    description: fields.description ?? null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: fields.metadata ?? {},
    name: fields.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    tax_details: null,
    type: 'service',
    unit_label: null,
    updated: now,
    url: null,
  };
}

export const productRoutes: ApiRoute[] = [
  {
    method: 'POST',
    path: '/v1/products',
    handler: (ctx, { account, params, cause }) => {
      // Adapters may pin a well-known id (one "Don mensuel" product per account); Stripe allows that.
      const id = params.string('id', 255);
      if (id !== undefined && account.products.get(id) !== undefined) {
        throw invalidRequest(`Product already exists.`, 'id', 'resource_already_exists');
      }
      const product = buildProduct(ctx, {
        id,
        name: params.requiredString('name', 250),
        description: params.string('description') ?? null,
        metadata: metadataOf(params.metadata()),
        active: params.boolean('active'),
      });
      product.statement_descriptor = params.string('statement_descriptor', 22) ?? null;
      product.unit_label = params.string('unit_label', 12) ?? null;
      const expand = params.expand();
      params.finish();
      save(ctx, account, account.products, product);
      ctx.events.publish(account, 'product.created', product, cause);
      return { body: expandObject(account, product, expand) };
    },
  },
  {
    method: 'GET',
    path: '/v1/products/:id',
    handler: (_ctx, { account, params, pathParams }) => {
      const product = find(account.products, pathParams.id ?? '', 'product', 'id', 404);
      const expand = params.expand();
      params.finish();
      return { body: expandObject(account, product, expand) };
    },
  },
  {
    method: 'POST',
    path: '/v1/products/:id',
    handler: (ctx, { account, params, pathParams, cause }) => {
      const product = find(account.products, pathParams.id ?? '', 'product', 'id', 404);
      const before = structuredClone(product);
      const name = params.string('name', 250);
      const description = params.string('description');
      const active = params.boolean('active');
      const metadata = params.metadata();
      const expand = params.expand();
      params.finish();
      if (name !== undefined) product.name = name;
      if (description !== undefined) product.description = description;
      if (active !== undefined) product.active = active;
      applyMetadata(product.metadata, metadata);
      product.updated = ctx.clock.now();
      ctx.events.publish(account, 'product.updated', product, cause, previousAttributes(before, product));
      return { body: expandObject(account, product, expand) };
    },
  },
  {
    method: 'GET',
    path: '/v1/products',
    handler: (_ctx, { account, params }) => {
      const active = params.boolean('active');
      const expand = params.expand();
      const items = account.products.all().filter((p) => active === undefined || p.active === active);
      const list = paginate(items, params, '/v1/products');
      params.finish();
      return { body: expandObject(account, list, expand) };
    },
  },
];
