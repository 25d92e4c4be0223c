import {
  checkEmail,
  isValidCountry,
  isValidDate,
  isValidEmail,
  isValidPhone,
  isValidPostalCode,
} from '../../../src/domain/validation/fields';

// The widgets run these while the payer types: they must agree with the server on every verdict.
describe('single-value checks', () => {
  it('knows real calendar dates', () => {
    expect(['2024-02-29', '2026-12-31', '1900-01-01'].map(isValidDate)).toEqual([true, true, true]);
    expect(
      ['2025-02-29', '2026-04-31', '2026-00-10', '26-01-01', '0099-01-01', '2026-1-1'].map(isValidDate),
    ).toEqual([false, false, false, false, false, false]);
  });

  it('accepts ordinary and unusual but real email addresses', () => {
    expect(
      ['a@b.fr', 'prénom.nom@exemple.fr', "o'brien@example.ie", 'x@sub.domain.museum'].map(isValidEmail),
    ).toEqual([true, true, true, true]);
    expect(['a@b', '@b.fr', 'a@.fr', 'a@b.fr.', 'a b@c.fr'].map(isValidEmail)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('trims an email before judging it, and says when it is missing', () => {
    expect(checkEmail('  camille@example.fr ')).toBeNull();
    expect(checkEmail('   ')).toBe('required');
    expect(checkEmail(undefined)).toBe('required');
  });

  it('accepts the usual ways of writing a phone number', () => {
    expect(
      ['0612345678', '06 12 34 56 78', '+33 6 12 34 56 78', '(514) 555-0199', '+221 77 123 45 67'].map(
        isValidPhone,
      ),
    ).toEqual([true, true, true, true, true]);
    expect(['12345', '+33 6 12 34 56 78 90 12 34', 'tel: 06'].map(isValidPhone)).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('checks postal codes where the format is known', () => {
    expect(isValidPostalCode('75011', 'FR')).toBe(true);
    expect(isValidPostalCode(' 75011 ', 'FR')).toBe(true);
    expect(isValidPostalCode('7501', 'FR')).toBe(false);
    expect(isValidPostalCode('98000', 'MC')).toBe(true);
    expect(isValidPostalCode('SW1A 1AA', 'GB')).toBe(true);
    expect(isValidPostalCode('H2X 1Y4', 'CA')).toBe(true);
    expect(isValidPostalCode('?', 'DE')).toBe(false);
  });

  it('knows ISO 3166 alpha-2 countries, upper case only', () => {
    expect(['FR', 'SN', 'CI', 'BE', 'CH', 'XK'].map(isValidCountry)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['fr', 'UK', 'EU', 'FRA', ''].map(isValidCountry)).toEqual([false, false, false, false, false]);
  });
});
