import type { Locale } from '../../protocol';
import { domainError, type DomainError } from '../errors';
import { formatMoney, MAX_MINOR_AMOUNT } from '../money';

/** Amounts inside error messages are written in full, like totals: "5,00 €", "€12.50". */
export function shownAmount(amount: number, currency: string, locale: Locale): string {
  return formatMoney(amount, currency, locale);
}

/**
 * An amount the payer chose, within [min, max]. Answers the first problem only: an amount is either not a
 * number, too small or too large. Bounds are written in full, as shownAmount does.
 */
export function amountError(
  value: unknown,
  bounds: { min: number; max: number },
  field: string,
  money: { currency: string; locale: Locale },
): DomainError | null {
  if (!Number.isSafeInteger(value)) return domainError('amount_not_integer', field);
  const max = Math.min(bounds.max, MAX_MINOR_AMOUNT);
  if ((value as number) < bounds.min)
    return domainError('amount_too_small', field, {
      min: formatMoney(bounds.min, money.currency, money.locale),
    });
  if ((value as number) > max)
    return domainError('amount_too_large', field, { max: formatMoney(max, money.currency, money.locale) });
  return null;
}
