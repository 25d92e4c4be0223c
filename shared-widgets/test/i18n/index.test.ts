import * as english from '../../src/i18n/en';
import * as french from '../../src/i18n/fr';
import { i18n, plural } from '../../src/i18n';
import { toLocale } from '../../src/i18n/boot';

describe('i18n', () => {
  test('English for English tags, French otherwise', () => {
    expect(['en', 'en-GB', 'EN-us', 'fr', 'fr-BE', 'de', '', null].map(toLocale)).toEqual([
      'en',
      'en',
      'en',
      'fr',
      'fr',
      'fr',
      'fr',
      'fr',
    ]);
  });

  test('plural rules follow each language (French counts 0 and 1 as singular)', () => {
    const fr = i18n('fr', french);
    const en = i18n('en', english);
    expect([0, 1, 2, 12].map((n) => plural(fr, 'left', n))).toEqual([
      '0 place restante',
      '1 place restante',
      '2 places restantes',
      '12 places restantes',
    ]);
    expect([0, 1, 2].map((n) => plural(en, 'left', n))).toEqual([
      '0 places left',
      '1 place left',
      '2 places left',
    ]);
    expect(plural(fr, 'left', 1200)).toBe('1\u202f200 places restantes');
  });

  test('placeholders are filled; unknown ones stay visible rather than vanish', () => {
    const fr = i18n('fr', french);
    expect(fr.t('give', { amount: '25 €' })).toBe('Donner 25 €');
    expect(fr.t('give')).toBe('Donner {amount}');
  });

  test('the widget’s own error messages are the protocol catalogue’s, in the page’s language', () => {
    expect(i18n('fr', french).error('required', { field: 'E-mail' })).toBe(
      'E-mail : ce champ est obligatoire.',
    );
    expect(i18n('en', english).error('required', { field: 'Email' })).toBe('Email: this field is required.');
  });

  test('both catalogues have the same keys and the same placeholders', () => {
    const [en, fr] = [english.default, french.default];
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    const holes = (text: unknown) =>
      JSON.stringify(text)
        .match(/\{\w+\}/g)
        ?.sort() ?? [];
    for (const key of Object.keys(fr) as (keyof typeof fr)[])
      expect([key, holes(en[key])]).toEqual([key, holes(fr[key])]);
  });
});
