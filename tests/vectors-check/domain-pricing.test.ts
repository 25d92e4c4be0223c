import { priceOrder, quoteOrder, type QuoteResult } from '../../backend-adapter/src/domain';
import type { OrderRequest } from '../../backend-adapter/src/protocol';
import {
  loadVectors,
  orderContext,
  sortErrors,
  type OrderCase,
  type OrderVectorExtra,
} from './domain-vectors';

const vectors = loadVectors<OrderCase, OrderVectorExtra>('pricing.json');

describe('pricing vectors', () => {
  it.each(vectors.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const form = vectors.forms[c.form];
    if (!form) throw new Error(`No form ${c.form} in pricing.json`);
    const request = c.request as OrderRequest;
    const ctx = orderContext(c.ctx ?? vectors.defaultCtx);
    if (c.fn === 'quoteOrder') {
      const result = quoteOrder(form, request, ctx);
      const expected = c.expected as QuoteResult;
      if (!result.ok || !expected.ok) {
        expect(result.ok).toBe(expected.ok);
        if (!result.ok && !expected.ok)
          expect(sortErrors(result.errors)).toEqual(sortErrors(expected.errors));
      } else {
        expect(JSON.parse(JSON.stringify(result.quote))).toStrictEqual(expected.quote);
      }
    } else {
      // toStrictEqual: a key the vector leaves out (ref, taxEligibleAmount, recurring) must be absent.
      expect(JSON.parse(JSON.stringify(priceOrder(form, request, ctx)))).toStrictEqual(c.expected);
    }
  });
});
