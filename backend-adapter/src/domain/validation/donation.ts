import type { DonationFormConfig, DonationOrderRequest, Locale } from '../../protocol';
import { domainError, type DomainError } from '../errors';
import { amountError } from './amounts';

const DEDICATION_MAX = 500;

/** Amounts offered as buttons for this frequency: monthly gifts may have their own, smaller presets. */
export function donationPresets(form: DonationFormConfig, frequency: string): readonly number[] {
  const monthly = form.donation.presetsMonthly;
  return frequency === 'monthly' && monthly !== undefined && monthly.length > 0
    ? monthly
    : form.donation.presets;
}

/**
 * A preset is always accepted: the editor offered it. Any other amount needs `allowCustomAmount` and must lie
 * within [minimum, maximum]; a gift is never zero, whatever the minimum says.
 */
export function validateDonation(
  form: DonationFormConfig,
  request: DonationOrderRequest,
  locale: Locale,
): DomainError[] {
  const errors: DomainError[] = [];
  const { donation } = request;
  const settings = form.donation;

  if (!settings.frequencies.includes(donation.frequency)) {
    errors.push(domainError('frequency_not_allowed', 'donation.frequency'));
  } else if (
    donation.frequency !== 'once' &&
    request.payment.provider === 'offline' &&
    form.payment.providers.includes('offline')
  ) {
    // A cheque or a transfer cannot be collected again automatically each month.
    errors.push(domainError('provider_not_available', 'payment.provider'));
  }

  const amount = donation.amount;
  const isPreset =
    typeof amount === 'number' && donationPresets(form, donation.frequency).includes(amount) && amount > 0;
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) {
    errors.push(domainError('amount_not_integer', 'donation.amount'));
  } else if (!isPreset) {
    if (!settings.allowCustomAmount) {
      errors.push(domainError('custom_amount_not_allowed', 'donation.amount'));
    } else {
      const error = amountError(
        amount,
        { min: Math.max(settings.minimum, 1), max: settings.maximum },
        'donation.amount',
        { currency: form.currency, locale },
      );
      if (error) errors.push(error);
    }
  }

  if (donation.dedication !== undefined && donation.dedication.trim() !== '') {
    if (!settings.allowDedication) errors.push(domainError('invalid_choice', 'donation.dedication'));
    else if (donation.dedication.length > DEDICATION_MAX) {
      errors.push(domainError('too_long', 'donation.dedication', { max: DEDICATION_MAX }));
    }
  }
  if (donation.anonymous === true && !settings.allowAnonymous) {
    errors.push(domainError('invalid_choice', 'donation.anonymous'));
  }
  if (donation.taxReceipt === true && form.taxReceipt?.enabled !== true) {
    errors.push(domainError('tax_receipt_not_available', 'donation.taxReceipt'));
  }
  return errors;
}
