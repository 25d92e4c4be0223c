import { rulesForYear, TAX_RULES, taxYear } from '../../../src/domain/tax/tax-rules';
import { taxPreview } from '../../../src/domain/tax/tax-preview';

describe('shipped tax rules', () => {
  it('carry 66 % within 20 % of income, and 75 % Coluche up to 1 000 € in 2025 and 2 000 € in 2026', () => {
    expect(rulesForYear(TAX_RULES, 2025)).toMatchObject({
      general: { rateBps: 6600, incomeCapBps: 2000 },
      coluche: { rateBps: 7500, ceiling: 100_000 },
      companies: { rateBps: 6000, floorCap: 2_000_000, turnoverCapBps: 50 },
    });
    expect(rulesForYear(TAX_RULES, 2026).coluche.ceiling).toBe(200_000);
  });

  it('say where each figure comes from', () => {
    for (const year of Object.values(TAX_RULES.years)) {
      for (const rule of [year.general, year.coluche, year.companies])
        expect(rule.source.length).toBeGreaterThan(10);
    }
  });

  it('give a donor the figure the widget shows: 100 € costs 34 €', () => {
    expect(taxPreview(10_000, 'general', TAX_RULES, { year: 2026 }).netCost).toBe(3_400);
  });

  it('count a gift made on New Year’s Eve in Paris for the year that is ending there', () => {
    expect(taxYear(new Date('2026-12-31T22:30:00Z'))).toBe(2026);
    expect(taxYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
  });

  it('refuses a negative or fractional amount rather than previewing nonsense', () => {
    expect(() => taxPreview(-1, 'general', TAX_RULES, { year: 2026 })).toThrow(RangeError);
    expect(() => taxPreview(10.5, 'general', TAX_RULES, { year: 2026 })).toThrow(RangeError);
  });
});
