import { resolveOptionalText, resolveText } from '../../src/domain/text';

describe('resolveText', () => {
  it('prefers the payer language, then French, then English, then any language', () => {
    expect(resolveText({ fr: 'Adhésion', en: 'Membership' }, 'en')).toBe('Membership');
    expect(resolveText({ fr: 'Adhésion' }, 'en')).toBe('Adhésion');
    expect(resolveText({ en: 'Membership' }, 'fr')).toBe('Membership');
    expect(resolveText({ de: 'Mitgliedschaft' } as never, 'fr')).toBe('Mitgliedschaft');
  });

  it('skips a language left empty by the editor', () => {
    expect(resolveText({ fr: '', en: 'Membership' }, 'fr')).toBe('Membership');
  });

  it('keeps a plain string whatever the locale', () => {
    expect(resolveText('Don', 'en')).toBe('Don');
  });

  it('keeps absent optional texts absent', () => {
    expect(resolveOptionalText(undefined, 'fr')).toBeUndefined();
    expect(resolveOptionalText({ en: 'Help' }, 'fr')).toBe('Help');
  });
});
