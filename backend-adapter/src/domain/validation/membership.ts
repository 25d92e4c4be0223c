import type { Locale, MembershipFormConfig, MembershipOrderRequest } from '../../protocol';
import { domainError, type DomainError } from '../errors';
import { MAX_MINOR_AMOUNT } from '../money';
import { amountError } from './amounts';
import { validateCustomFields } from './custom-fields';
import { isValidDate } from './fields';
import { emailError, LIMITS, requireText } from './payer';

/** A birth date must be a real day, not in the future (judged on the UTC calendar day of `now`). */
function birthDateError(value: string, now: Date): boolean {
  return !isValidDate(value) || value > now.toISOString().slice(0, 10);
}

export function validateMembership(
  form: MembershipFormConfig,
  request: MembershipOrderRequest,
  ctx: { locale: Locale; now: Date },
): DomainError[] {
  const errors: DomainError[] = [];
  const settings = form.membership;
  const { membership } = request;
  const money = { currency: form.currency, locale: ctx.locale };

  const tier = settings.tiers.find((candidate) => candidate.id === membership.tierId);
  if (!tier) {
    errors.push(domainError('tier_not_found', 'membership.tierId'));
  } else if (tier.price.type === 'range') {
    if (membership.amount === undefined) errors.push(domainError('required', 'membership.amount'));
    else {
      const error = amountError(
        membership.amount,
        { min: tier.price.minimum, max: tier.price.maximum },
        'membership.amount',
        money,
      );
      if (error) errors.push(error);
    }
  }

  // The household limit holds even when the tier is priced once per order.
  const members = membership.members;
  if (members.length === 0) errors.push(domainError('required', 'membership.members'));
  else if (members.length > settings.maxMembers) {
    errors.push(domainError('too_many_members', 'membership.members', { max: settings.maxMembers }));
  }
  members.forEach((member, index) => {
    const at = `membership.members.${index}`;
    requireText(errors, member.firstName, LIMITS.name, `${at}.firstName`);
    requireText(errors, member.lastName, LIMITS.name, `${at}.lastName`);
    const email = emailError(member.email, `${at}.email`, true);
    if (email) errors.push(email);
    if (member.birthDate !== undefined && birthDateError(member.birthDate, ctx.now)) {
      errors.push(domainError('invalid_date', `${at}.birthDate`));
    }
    errors.push(...validateCustomFields(settings.fields, member.fields, `${at}.fields`, ctx.locale));
  });

  const extra = membership.extraDonation;
  if (extra !== undefined && extra !== 0) {
    if (!settings.allowExtraDonation)
      errors.push(domainError('extra_donation_not_allowed', 'membership.extraDonation'));
    else {
      const error = amountError(extra, { min: 0, max: MAX_MINOR_AMOUNT }, 'membership.extraDonation', money);
      if (error) errors.push(error);
    }
  }
  if (membership.taxReceipt === true && form.taxReceipt?.enabled !== true) {
    errors.push(domainError('tax_receipt_not_available', 'membership.taxReceipt'));
  }
  return errors;
}
