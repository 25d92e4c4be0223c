import type { FormConfig, PublicTaxReduction } from '../../protocol';
import { rulesForYear, type TaxRules } from './tax-rules';

export type TaxPreviewScheme = 'general' | 'coluche' | 'companies';

export interface TaxPreview {
  /** Reduction of income (or corporate) tax, in cents, rounded down. */
  reduction: number;
  /** What the gift really costs: amount − reduction. */
  netCost: number;
  /** The scheme's headline rate (75 % for Coluche even when part of the gift is above the ceiling). */
  rateBps: number;
}

export interface TaxPreviewOptions {
  year: number;
  /** The household's taxable income (cents): caps the general part at incomeCapBps of it. Absent: no cap. */
  taxableIncome?: number;
  /** A company's turnover (cents): caps its gifts. Absent: no cap. */
  turnover?: number;
}

function check(value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`Not an amount: ${value}`);
}

/** floor(x × bps / 10000) in integers. */
function share(amount: number, bps: number): number {
  return Math.floor((amount * bps) / 10_000);
}

/**
 * The tax reduction a gift of `amount` (euro cents) brings. Each part is computed exactly in units of
 * cent × basis point and the sum is rounded down once: a preview must never promise more than the tax office
 * will grant (it computes on the whole year's gifts and rounds the tax to the euro), so rounding down keeps
 * the shown reduction a lower bound. Caps apply only when the income (or turnover) is given.
 */
export function taxPreview(
  amount: number,
  scheme: TaxPreviewScheme,
  rules: TaxRules,
  opts: TaxPreviewOptions,
): TaxPreview {
  check(amount);
  const year = rulesForYear(rules, opts.year);
  let exact: number;
  let rateBps: number;
  if (scheme === 'companies') {
    const { rateBps: rate, floorCap, turnoverCapBps } = year.companies;
    let base = amount;
    if (opts.turnover !== undefined) {
      check(opts.turnover);
      base = Math.min(amount, Math.max(floorCap, share(opts.turnover, turnoverCapBps)));
    }
    exact = base * rate;
    rateBps = rate;
  } else {
    const general = year.general;
    const higherPart = scheme === 'coluche' ? Math.min(amount, year.coluche.ceiling) : 0;
    let generalBase = amount - higherPart;
    if (opts.taxableIncome !== undefined) {
      check(opts.taxableIncome);
      // The Coluche part is not counted in the 20 % limit (CGI art. 200-1 ter); only the general part is.
      generalBase = Math.min(generalBase, share(opts.taxableIncome, general.incomeCapBps));
    }
    exact = higherPart * year.coluche.rateBps + generalBase * general.rateBps;
    rateBps = scheme === 'coluche' ? year.coluche.rateBps : general.rateBps;
  }
  const reduction = Math.floor(exact / 10_000);
  return { reduction, netCost: amount - reduction, rateBps };
}

/**
 * What the public definition tells the widget about the form's receipts, so it can preview the reduction
 * with `taxPreviewFromPublic`. Undefined when the form issues no receipt (ticket forms never do).
 */
export function publicTaxReduction(
  form: FormConfig,
  rules: TaxRules,
  year: number,
): PublicTaxReduction | undefined {
  if (form.kind === 'tickets' || form.taxReceipt?.enabled !== true) return undefined;
  const { scheme, minimumAmount } = form.taxReceipt;
  const yearRules = rulesForYear(rules, year);
  const result: PublicTaxReduction = {
    scheme,
    rateBps: scheme === 'coluche' ? yearRules.coluche.rateBps : yearRules.general.rateBps,
    incomeCapBps: yearRules.general.incomeCapBps,
    rulesVersion: rules.version,
  };
  if (scheme === 'coluche') {
    result.ceiling = yearRules.coluche.ceiling;
    result.aboveCeilingRateBps = yearRules.general.rateBps;
  }
  if (minimumAmount !== undefined) result.minimumAmount = minimumAmount;
  return result;
}

/**
 * The same preview as taxPreview, from what the public definition carries (the widget has no rules file).
 * Above a Coluche ceiling the general rate applies; a definition without `aboveCeilingRateBps` (older
 * host) is read as 66 %.
 */
export function taxPreviewFromPublic(
  amount: number,
  reduction: PublicTaxReduction,
  opts: { taxableIncome?: number } = {},
): TaxPreview {
  check(amount);
  // Without a ceiling nothing is at the higher rate, and the whole gift at the headline one.
  const higherPart = Math.min(amount, reduction.ceiling ?? 0);
  const generalRate =
    reduction.ceiling === undefined ? reduction.rateBps : (reduction.aboveCeilingRateBps ?? 6600);
  let generalBase = amount - higherPart;
  if (opts.taxableIncome !== undefined && reduction.incomeCapBps !== undefined) {
    check(opts.taxableIncome);
    generalBase = Math.min(generalBase, share(opts.taxableIncome, reduction.incomeCapBps));
  }
  const value = Math.floor((higherPart * reduction.rateBps + generalBase * generalRate) / 10_000);
  return { reduction: value, netCost: amount - value, rateBps: reduction.rateBps };
}
