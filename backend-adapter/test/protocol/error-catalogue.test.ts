import { ERROR_CODES, ERROR_STATUS, FIELD_ERROR_CODES } from '../../src/protocol';
import catalogue from '../../src/protocol/error-messages.json';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const messages = Object.entries(catalogue.messages);
const fieldLevel = new Set<string>(FIELD_ERROR_CODES);

describe('error-messages.json', () => {
  it.each(messages)('%s has a French and an English message', (_code, { fr, en }) => {
    for (const text of [fr, en]) {
      expect(text.trim()).toBe(text);
      expect(text.length).toBeGreaterThan(5);
    }
    expect(fr).not.toBe(en);
  });

  it.each(messages)('%s uses the same placeholders in both languages', (_code, { fr, en }) => {
    expect(placeholders(fr)).toEqual(placeholders(en));
  });

  it.each(ERROR_CODES)('%s is answered with an HTTP status or reported on a field', (code) => {
    const status = ERROR_STATUS[code];
    expect(status !== undefined || fieldLevel.has(code)).toBe(true);
    if (status !== undefined) expect(status >= 400 && status <= 599).toBe(true);
  });

  it('lists as field-level and status codes only real catalogue codes', () => {
    const known = new Set<string>(ERROR_CODES);
    expect([...FIELD_ERROR_CODES, ...Object.keys(ERROR_STATUS)].filter((code) => !known.has(code))).toEqual(
      [],
    );
    expect(new Set(FIELD_ERROR_CODES).size).toBe(FIELD_ERROR_CODES.length);
  });

  it('makes only the availability codes both field-level and top-level (409, after validation passed)', () => {
    const both = ERROR_CODES.filter((code) => fieldLevel.has(code) && ERROR_STATUS[code] !== undefined);
    expect(both.sort()).toEqual(['not_enough_available', 'sold_out']);
    expect(both.map((code) => ERROR_STATUS[code])).toEqual([409, 409]);
  });

  it('answers every field problem of a request together under 422 validation_failed', () => {
    expect(ERROR_STATUS.validation_failed).toBe(422);
    expect(fieldLevel.has('validation_failed')).toBe(false);
  });

  it.each(Object.entries(catalogue.fields))(
    'field label %s exists in both languages',
    (_path, { fr, en }) => {
      expect(fr.trim().length).toBeGreaterThan(0);
      expect(en.trim().length).toBeGreaterThan(0);
    },
  );
});
