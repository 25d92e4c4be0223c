import type { PaymentRequest } from '../../src/providers';

/** A payment request as the orders service builds it; each test overrides what it is about. */
export function paymentRequest(overrides: Partial<PaymentRequest> = {}): PaymentRequest {
  return {
    orderId: 'ord_2026_0042',
    formId: 'dons-hiver',
    kind: 'donation',
    currency: 'EUR',
    total: 2500,
    lines: [{ kind: 'donation', label: 'Don', unitAmount: 2500, quantity: 1, amount: 2500 }],
    payer: { email: 'camille@example.org', firstName: 'Camille', lastName: 'Martin' },
    locale: 'fr',
    returnUrl: 'https://asso.example/merci?order=ord_2026_0042',
    idempotencyKey: 'order-ord_2026_0042',
    reference: 'G-2026-0042',
    ...overrides,
  };
}

export const at = (iso: string) => new Date(iso);
