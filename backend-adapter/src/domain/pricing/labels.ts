import type { Locale } from '../../protocol';

/** Labels of the lines the domain writes itself; membership tiers and ticket types carry the editor's names. */
export interface LineLabels {
  donationOnce: string;
  donationMonthly: string;
  donationYearly: string;
  extraDonation: string;
  feeCoverage: string;
  /** `{code}` is replaced by the promo code. */
  discount: string;
}

export const LINE_LABELS: Readonly<Record<Locale, LineLabels>> = {
  fr: {
    donationOnce: 'Don',
    donationMonthly: 'Don mensuel',
    donationYearly: 'Don annuel',
    extraDonation: 'Don supplémentaire',
    feeCoverage: 'Frais de paiement couverts',
    discount: 'Code promo {code}',
  },
  en: {
    donationOnce: 'Donation',
    donationMonthly: 'Monthly donation',
    donationYearly: 'Yearly donation',
    extraDonation: 'Extra donation',
    feeCoverage: 'Payment fees covered',
    discount: 'Promo code {code}',
  },
};

export function lineLabels(locale: Locale, overrides?: Partial<LineLabels>): LineLabels {
  return { ...LINE_LABELS[locale], ...overrides };
}
