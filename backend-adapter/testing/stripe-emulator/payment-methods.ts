/**
 * Test payment methods. Real Stripe accepts magic ids such as `pm_card_visa` in test mode and turns each
 * into a fresh PaymentMethod; the emulator does the same for the few the suite needs. Payment methods are
 * not an API resource here: only their outcome matters.
 */
import { invalidRequest, resourceMissing } from './errors';
import type { Params } from './params';
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

/** Which payment method types a PaymentIntent, SetupIntent or Checkout Session may use. */
export interface MethodTypeChoice {
  /** `allowed_payment_method_types`; null lets Stripe choose (the emulator then offers card). */
  allowed: string[] | null;
  excluded: string[] | null;
}

function readTypeList(params: Params, key: string): string[] | null {
  const types = params.stringList(key);
  if (types === undefined) return null;
  types.forEach((type, i) => {
    if (!(PAYMENT_METHOD_TYPES as readonly string[]).includes(type)) {
      throw invalidRequest(
        `Invalid ${key}[${i}]: must be one of ${PAYMENT_METHOD_TYPES.join(', ')}`,
        `${key}[${i}]`,
      );
    }
  });
  return types;
}

/**
 * API 2026-09-30.endive replaced the `payment_method_types` request parameter of PaymentIntents, SetupIntents
 * and Checkout Sessions with `allowed_payment_method_types` (SDK 23 types no longer have it). An adapter still
 * sending the old name gets told so, as with the ui_mode renames.
 */
export function readMethodTypes(params: Params): MethodTypeChoice {
  if (params.provided('payment_method_types')) {
    throw invalidRequest(
      'Received unknown parameter: payment_method_types. It was replaced by `allowed_payment_method_types` in API version 2026-09-30.endive.',
      'payment_method_types',
      'parameter_unknown',
    );
  }
  return {
    allowed: readTypeList(params, 'allowed_payment_method_types'),
    excluded: readTypeList(params, 'excluded_payment_method_types'),
  };
}

/** The `payment_method_types` Stripe returns: the allowed ones (or card) minus the excluded ones. */
export function effectiveMethodTypes(choice: MethodTypeChoice): string[] {
  const excluded = choice.excluded ?? [];
  return (choice.allowed ?? ['card']).filter((type) => !excluded.includes(type));
}
