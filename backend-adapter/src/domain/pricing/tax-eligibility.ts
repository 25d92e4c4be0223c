import type {
  DonationFormConfig,
  DonationOrderRequest,
  MembershipFormConfig,
  MembershipOrderRequest,
} from '../../protocol';

type Tier = MembershipFormConfig['membership']['tiers'][number];

function receiptsEnabled(form: DonationFormConfig | MembershipFormConfig): boolean {
  return form.taxReceipt?.enabled === true;
}

function positiveInteger(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0;
}

/** Members paid for: the tier's price counts once per member (`members` of them), or once for the household. */
export function membershipQuantity(tier: Tier, members: number): number {
  return tier.per === 'order' ? 1 : members;
}

/** The tier's unit price: fixed, or the payer's pick for a range (`amount`; null while that pick is unusable). */
export function membershipUnitPrice(tier: Tier, amount: number | null | undefined): number | null {
  if (tier.price.type === 'fixed') return tier.price.amount;
  return Number.isSafeInteger(amount) ? (amount as number) : null;
}

/**
 * The part of one membership that is a gift: the editor's `taxEligibleAmount` (the price minus the value of
 * what members get back), never more than what is actually paid.
 */
export function tierEligibleUnit(tier: Tier, unitPrice: number | null): number {
  const eligible = tier.taxEligibleAmount ?? 0;
  return unitPrice === null ? eligible : Math.max(0, Math.min(eligible, unitPrice));
}

/** What a donation receipt would certify before fee coverage: the whole gift. */
export function donationEligibleBase(request: DonationOrderRequest): number {
  return positiveInteger(request.donation.amount);
}

/** What a membership receipt would certify before fee coverage: the gift part of each membership + the extra gift. */
export function membershipEligibleBase(form: MembershipFormConfig, request: MembershipOrderRequest): number {
  const tier = form.membership.tiers.find((candidate) => candidate.id === request.membership.tierId);
  const extra = form.membership.allowExtraDonation ? positiveInteger(request.membership.extraDonation) : 0;
  if (!tier) return extra;
  return (
    tierEligibleUnit(tier, membershipUnitPrice(tier, request.membership.amount)) *
      membershipQuantity(tier, request.membership.members.length) +
    extra
  );
}

/**
 * Whether the order will carry a tax receipt: the payer asked, the form issues receipts, and there is an
 * eligible amount at least as large as the form's minimum. Only then is the postal address required.
 */
export function receiptIssued(
  form: DonationFormConfig | MembershipFormConfig,
  request: DonationOrderRequest | MembershipOrderRequest,
): boolean {
  if (!receiptsEnabled(form)) return false;
  let base: number;
  if (form.kind === 'donation' && request.kind === 'donation') {
    if (request.donation.taxReceipt !== true) return false;
    base = donationEligibleBase(request);
  } else if (form.kind === 'membership' && request.kind === 'membership') {
    if (request.membership.taxReceipt !== true) return false;
    base = membershipEligibleBase(form, request);
  } else {
    return false;
  }
  return base > 0 && base >= (form.taxReceipt?.minimumAmount ?? 0);
}
