import { membershipQuantity, membershipUnitPrice } from '../../../src/domain/pricing/tax-eligibility';
import type { MembershipFormConfig } from '../../../src/protocol';

type Tier = MembershipFormConfig['membership']['tiers'][number];

const fixed: Tier = {
  id: 'individuelle',
  name: 'Individuelle',
  period: 'rolling_year',
  price: { type: 'fixed', amount: 1500 },
  per: 'member',
};
const range: Tier = {
  id: 'solidaire',
  name: 'Solidaire',
  period: 'rolling_year',
  price: { type: 'range', minimum: 500, maximum: 1500 },
  per: 'member',
};

// The widget prices a membership with these two as the payer types, from the values alone.
describe('membership price rule', () => {
  it('a fixed tier costs its amount, whatever amount was typed', () => {
    expect(membershipUnitPrice(fixed, 99)).toBe(1500);
    expect(membershipUnitPrice(fixed, null)).toBe(1500);
  });

  it("a pay-what-you-can tier costs the payer's amount, and nothing usable while it is not an amount", () => {
    expect(membershipUnitPrice(range, 1000)).toBe(1000);
    expect(membershipUnitPrice(range, undefined)).toBeNull();
    expect(membershipUnitPrice(range, null)).toBeNull();
    expect(membershipUnitPrice(range, 10.5)).toBeNull();
  });

  it('counts every member, or the household once', () => {
    expect(membershipQuantity(fixed, 3)).toBe(3);
    expect(membershipQuantity({ ...fixed, per: 'order' }, 3)).toBe(1);
  });
});
