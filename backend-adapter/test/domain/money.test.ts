import {
  currencyExponent,
  formatMoney,
  isMinorAmount,
  parseMoney,
  toDecimalString,
} from '../../src/domain/money';

describe('currencyExponent', () => {
  it('refuses a currency it does not know rather than guessing its scale', () => {
    expect(() => currencyExponent('ZZZ')).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it('prints amounts beyond float precision exactly, from digits', () => {
    expect(toDecimalString(9_007_199_254_740_991, 'EUR')).toBe('90071992547409.91');
    expect(formatMoney(9_007_199_254_740_991, 'EUR', 'en')).toBe('€90,071,992,547,409.91');
  });

  it('formats negative discount lines with a minus sign', () => {
    expect(formatMoney(-500, 'EUR', 'en')).toBe('-€5.00');
  });

  it('round-trips through parseMoney in both locales', () => {
    for (const locale of ['fr', 'en']) {
      for (const [amount, currency] of [
        [123456, 'EUR'],
        [2500, 'XOF'],
        [1500, 'KWD'],
        [99, 'CHF'],
      ] as const) {
        expect(parseMoney(formatMoney(amount, currency, locale), currency, locale)).toBe(amount);
      }
    }
  });
});

describe('isMinorAmount', () => {
  it('accepts only non-negative safe integers within the protocol maximum', () => {
    expect([0, 1, 100_000_000_00].map(isMinorAmount)).toEqual([true, true, true]);
    expect([-1, 1.5, NaN, '25', 100_000_000_01].map(isMinorAmount)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
