import data from './tax-rules.json';

export interface GeneralRule {
  rateBps: number;
  /** Share of taxable income within which gifts count. */
  incomeCapBps: number;
  source: string;
}
export interface ColucheRule {
  rateBps: number;
  /** Gifts up to this amount get the higher rate; the rest falls under the general rule. */
  ceiling: number;
  source: string;
}
export interface CompaniesRule {
  rateBps: number;
  /** Gifts count within the greater of this amount and `turnoverCapBps` of turnover. */
  floorCap: number;
  turnoverCapBps: number;
  source: string;
}
export interface YearRules {
  general: GeneralRule;
  coluche: ColucheRule;
  companies: CompaniesRule;
}
export interface TaxRules {
  about?: string;
  version: string;
  currency: string;
  years: Record<string, YearRules>;
}

/** The rules shipped with this release. Hosts may pass a newer file of the same shape. */
export const TAX_RULES: TaxRules = data;

/**
 * The rules of `year`. A year the file does not know yet falls back to the latest earlier one (the usual
 * case in January, before a release carries the new year); a year before the file to its first one.
 */
export function rulesForYear(rules: TaxRules, year: number): YearRules {
  const years = Object.keys(rules.years)
    .map(Number)
    .sort((a, b) => a - b);
  const chosen = [...years].reverse().find((known) => known <= year) ?? years[0];
  const found = chosen === undefined ? undefined : rules.years[String(chosen)];
  if (!found) throw new RangeError('The tax rules file lists no year');
  return found;
}

/** The year a gift paid at `now` counts for: the calendar year in France. */
export function taxYear(now: Date): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Paris', year: 'numeric' }).format(now));
}
