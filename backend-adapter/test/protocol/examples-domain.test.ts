import { TAX_RULES, quoteOrder, toFormDefinition } from '../../src/domain';
import type { FormConfig, FormDefinition, OrderCreated, OrderRequest } from '../../src/protocol';
import { readExample } from './support/examples';

// The examples in docs/protocol.md are what the domain rules really answer, so a reader can trust every figure.
const now = new Date('2026-11-23T20:40:03Z');
const seatsLeft: Record<string, number> = { plein: 37, reduit: 3, enfant: 22 };
const kinds = [
  ['donation', 'order-created.donation-stripe.json'],
  ['membership', 'order-created.membership-offline.json'],
  ['tickets', 'order-created.tickets-simulation.json'],
] as const;

describe('examples agree with the domain rules', () => {
  it.each(kinds)('the %s order is priced as the example answer says', (kind, createdFile) => {
    const form = readExample<FormConfig>(`form-config.${kind}.json`);
    const request = readExample<OrderRequest>(`order-request.${kind}.json`);
    const { order } = readExample<OrderCreated>(createdFile);
    const result = quoteOrder(form, request, {
      now,
      locale: request.locale,
      availability: () => 10,
      promoUses: () => 3,
    });
    if (!result.ok) throw new Error(`rejected: ${JSON.stringify(result.errors)}`);
    expect(result.quote.lines).toEqual(order.lines);
    expect(result.quote.total).toBe(order.total);
    expect(result.quote.currency).toBe(order.currency);
  });

  it.each(kinds)('the %s public definition is its config as the domain publishes it', (kind) => {
    const expected = readExample<FormDefinition>(`form-definition.${kind}.json`);
    const definition = toFormDefinition(readExample<FormConfig>(`form-config.${kind}.json`), {
      locale: 'fr',
      now,
      availability: (typeId) => seatsLeft[typeId] ?? null,
      raised: 312500,
      paymentMethods: expected.paymentMethods,
      organization: expected.organization,
      taxRules: TAX_RULES,
    });
    expect(definition).toEqual(expected);
  });
});
