/**
 * Currency rules that real Stripe enforces and that a donation form can trip over: ISO codes are returned
 * lower-cased, and each currency has a minimum charge (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts).
 */
import { invalidRequest } from './errors';
import type { Params } from './params';

/** Minimum charge in the smallest unit, for the currencies an association in France is likely to use. */
const MINIMUM_CHARGE: Readonly<Record<string, number>> = {
  eur: 50,
  usd: 50,
  gbp: 30,
  chf: 50,
  cad: 50,
  aud: 50,
  sek: 300,
  dkk: 250,
  nok: 300,
  pln: 200,
  czk: 1500,
  jpy: 50,
  xpf: 100,
  xof: 100,
  mad: 500,
};

/** Stripe's documented maximum for most currencies: 999,999.99 in a two-decimal currency. */
export const MAXIMUM_AMOUNT = 99_999_999;

export function readCurrency(params: Params, key: string, required: true): string;
export function readCurrency(params: Params, key: string, required?: false): string | undefined;
export function readCurrency(params: Params, key: string, required = false): string | undefined {
  const raw = required ? params.requiredString(key) : params.string(key);
  if (raw === undefined) return undefined;
  const currency = raw.toLowerCase();
  if (!(currency in MINIMUM_CHARGE)) {
    throw invalidRequest(
      `Invalid currency: ${raw}. The emulator knows: ${Object.keys(MINIMUM_CHARGE).join(', ')}.`,
      params.name(key),
    );
  }
  return currency;
}

export function checkChargeAmount(amount: number, currency: string, param: string): void {
  const minimum = MINIMUM_CHARGE[currency] ?? 1;
  if (amount < minimum) {
    throw invalidRequest(
      `Amount must be at least ${minimum} in the smallest ${currency} unit`,
      param,
      'amount_too_small',
    );
  }
  if (amount > MAXIMUM_AMOUNT) {
    throw invalidRequest(`Amount must be no more than ${MAXIMUM_AMOUNT}`, param, 'amount_too_large');
  }
}
