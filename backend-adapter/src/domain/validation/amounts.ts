import type { Locale } from '../../protocol';
import { domainError, type DomainError } from '../errors';
import { formatMoney, MAX_MINOR_AMOUNT } from '../money';

/** Amounts inside error messages are written in full, like totals: "5,00 €", "€12.50". */
export function shownAmount(amount: number, currency: string, locale: Locale): string {
  return formatMoney(amount, currency, locale);
}

/**
 * An amount the payer chose, within [min, max]. Answers the first problem only: an amount is either not a
 * number, too small or too large.
 */
export function amountError(
  value: unknown,
  bounds: { min: number; max: number },
  field: string,
  money: { currency: string; locale: Locale },
): DomainError | null {
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    return domainError('amount_not_integer', field);
  if (value < bounds.min) {
    return domainError('amount_too_small', field, {
      min: shownAmount(bounds.min, money.currency, money.locale),
    });
  }
  const max = Math.min(bounds.max, MAX_MINOR_AMOUNT);
  if (value > max) {
    return domainError('amount_too_large', field, { max: shownAmount(max, money.currency, money.locale) });
  }
  return null;
}
