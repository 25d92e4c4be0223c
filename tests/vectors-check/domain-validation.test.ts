import { validateOrder, type DomainError } from '../../backend-adapter/src/domain';
import type { OrderRequest } from '../../backend-adapter/src/protocol';
import {
  loadVectors,
  orderContext,
  sortErrors,
  type OrderCase,
  type OrderVectorExtra,
} from './domain-vectors';

const vectors = loadVectors<OrderCase, OrderVectorExtra>('validation.json');

describe('validation vectors', () => {
  it.each(vectors.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const form = vectors.forms[c.form];
    if (!form) throw new Error(`No form ${c.form} in validation.json`);
    const errors = validateOrder(form, c.request as OrderRequest, orderContext(c.ctx ?? vectors.defaultCtx));
    expect(sortErrors(errors)).toEqual(sortErrors(c.expected as DomainError[]));
  });
});
