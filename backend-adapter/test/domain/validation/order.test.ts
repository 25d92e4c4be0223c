import { validateOrder } from '../../../src/domain/validation/order';
import {
  errorMessage,
  ERROR_STATUS,
  FIELD_ERROR_CODES,
  type FormConfig,
  type OrderRequest,
} from '../../../src/protocol';

const form: FormConfig = {
  kind: 'donation',
  id: 'don',
  title: 'Don',
  currency: 'EUR',
  payment: { providers: ['stripe'] },
  taxReceipt: { enabled: true, scheme: 'general' },
  donation: {
    presets: [2500],
    allowCustomAmount: true,
    minimum: 500,
    maximum: 100000,
    frequencies: ['once'],
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

const ctx = { now: new Date('2026-06-15T10:00:00Z'), locale: 'fr' as const };

describe('validateOrder', () => {
  it('gives each field error a code the protocol answers per field, with a message that names the field', () => {
    const errors = validateOrder(
      form,
      {
        ...request,
        payer: {
          email: 'x',
          firstName: '',
          lastName: 'L'.repeat(101),
          address: { line1: '', postalCode: '1', city: 'P', country: 'FR' },
        },
        donation: { amount: 499, frequency: 'monthly', taxReceipt: true, dedication: 'Pour toi' },
      },
      ctx,
    );
    expect(errors.length).toBeGreaterThanOrEqual(7);
    for (const error of errors) {
      expect(FIELD_ERROR_CODES).toContain(error.code);
      expect(error.field).toMatch(/^[a-z]+(\.[A-Za-z0-9_-]+)+$/);
      const message = errorMessage(error.code, 'fr', error.params, error.field);
      expect(message).not.toMatch(/\{\w+\}/);
    }
  });

  it('answers a closed form with one top-level code, whatever else is wrong', () => {
    const errors = validateOrder(
      { ...form, closed: true },
      { ...request, donation: { amount: -1, frequency: 'once' } },
      ctx,
    );
    expect(errors).toEqual([{ code: 'form_closed' }]);
    expect(ERROR_STATUS.form_closed).toBe(409);
  });

  it('refuses a form whose currency it cannot scale, instead of guessing', () => {
    expect(validateOrder({ ...form, currency: 'ZZZ' }, request, ctx)).toEqual([
      { code: 'currency_mismatch', params: { currency: 'ZZZ' } },
    ]);
  });

  it('accepts the same order in English', () => {
    expect(validateOrder(form, { ...request, locale: 'en' }, { ...ctx, locale: 'en' })).toEqual([]);
  });
});
