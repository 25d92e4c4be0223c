import { priceOrder } from '../../../src/domain/pricing/quote';
import type { FormConfig, OrderRequest } from '../../../src/protocol';

const form: FormConfig = {
  kind: 'donation',
  id: 'don',
  title: 'Don',
  currency: 'EUR',
  payment: { providers: ['stripe'] },
  donation: {
    presets: [2500],
    allowCustomAmount: true,
    minimum: 500,
    maximum: 100000,
    frequencies: ['once', 'monthly'],
    allowAnonymous: true,
    allowDedication: false,
  },
};

const request: OrderRequest = {
  kind: 'donation',
  locale: 'fr',
  payment: { provider: 'stripe' },
  payer: { email: 'camille@example.fr', firstName: 'Camille', lastName: 'Martin' },
  donation: { amount: 2500, frequency: 'once' },
};

describe('priceOrder', () => {
  it("uses a host's own translation of the domain's labels", () => {
    const quote = priceOrder(form, request, {
      now: new Date('2026-06-15T10:00:00Z'),
      locale: 'fr',
      labels: { donationOnce: 'Don au jardin' },
    });
    expect(quote.lines[0]?.label).toBe('Don au jardin');
  });

  it('ignores any total the browser might have computed', () => {
    const quote = priceOrder(form, { ...request, expectedTotal: 1 }, { now: new Date(0), locale: 'fr' });
    expect(quote.total).toBe(2500);
  });
});
