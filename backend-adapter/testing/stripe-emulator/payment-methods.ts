/**
 * Test payment methods. Real Stripe accepts magic ids such as `pm_card_visa` in test mode and turns each
 * into a fresh PaymentMethod; the emulator does the same for the few the suite needs. Payment methods are
 * not an API resource here: only their outcome matters.
 */
import { invalidRequest, resourceMissing } from './errors';
import { newId } from './ids';

export type PaymentMethodKind = 'card' | 'sepa_debit';

export interface EmulatedPaymentMethod {
  id: string;
  kind: PaymentMethodKind;
  /** Stripe decline code when a charge on it fails, null when it succeeds. */
  declineCode: string | null;
}

const TEST_TOKENS: Readonly<Record<string, Omit<EmulatedPaymentMethod, 'id'>>> = {
  pm_card_visa: { kind: 'card', declineCode: null },
  pm_card_mastercard: { kind: 'card', declineCode: null },
  pm_card_fr: { kind: 'card', declineCode: null },
  pm_card_chargeDeclined: { kind: 'card', declineCode: 'generic_decline' },
  pm_card_visa_chargeDeclined: { kind: 'card', declineCode: 'generic_decline' },
  pm_card_chargeDeclinedInsufficientFunds: { kind: 'card', declineCode: 'insufficient_funds' },
};

export class PaymentMethodRegistry {
  private readonly methods = new Map<string, EmulatedPaymentMethod>();

  create(kind: PaymentMethodKind, declineCode: string | null = null): EmulatedPaymentMethod {
    const method = { id: newId('pm'), kind, declineCode };
    this.methods.set(method.id, method);
    return method;
  }

  /** A test token gives a new method; a `pm_…` id must be one the emulator made. */
  resolve(idOrToken: string, param: string): EmulatedPaymentMethod {
    const token = TEST_TOKENS[idOrToken];
    if (token !== undefined) return this.create(token.kind, token.declineCode);
    const known = this.methods.get(idOrToken);
    if (known === undefined) throw resourceMissing('PaymentMethod', idOrToken, param, 400);
    return known;
  }

  get(id: string): EmulatedPaymentMethod | undefined {
    return this.methods.get(id);
  }

  clear(): void {
    this.methods.clear();
  }
}

/** Types a French association could enable; others are rejected so a typo does not pass silently. */
export const PAYMENT_METHOD_TYPES = [
  'card',
  'sepa_debit',
  'link',
  'paypal',
  'bancontact',
  'ideal',
  'eps',
  'p24',
  'klarna',
  'revolut_pay',
  'amazon_pay',
  'customer_balance',
] as const;

/** Methods tied to one currency (https://docs.stripe.com/payments/payment-methods/payment-method-support). */
const METHOD_CURRENCIES: Readonly<Record<string, readonly string[]>> = {
  sepa_debit: ['eur'],
  bancontact: ['eur'],
  ideal: ['eur'],
  eps: ['eur'],
  p24: ['eur', 'pln'],
};

export function checkMethodCurrency(types: readonly string[], currency: string, param: string): void {
  for (const type of types) {
    const allowed = METHOD_CURRENCIES[type];
    if (allowed !== undefined && !allowed.includes(currency)) {
      throw invalidRequest(
        `The currency provided (${currency}) is invalid. Payments with ${type} support the following currencies: ${allowed.join(', ')}.`,
        param,
        'payment_method_currency_mismatch',
      );
    }
  }
}
