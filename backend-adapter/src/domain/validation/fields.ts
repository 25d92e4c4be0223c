import type { ErrorCode } from '../../protocol';
import { COUNTRY_CODES, FIVE_DIGIT_FRENCH_POSTCODES } from './countries';

/*
 * Single-value checks, shared by the server's validation and the widgets' as-you-type hints. Each answers
 * with the error code of the problem, or null when the value is fine.
 */

/** Text that counts as given: not only spaces. */
export function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

/** A required text: present, not blank, at most `max` characters. */
export function checkRequiredText(value: unknown, max: number): 'required' | 'too_long' | null {
  if (isBlank(value)) return 'required';
  return (value as string).length > max ? 'too_long' : null;
}

/** An optional text: absent or at most `max` characters. */
export function checkOptionalText(value: unknown, max: number): 'too_long' | 'invalid_choice' | null {
  if (value === undefined) return null;
  if (typeof value !== 'string') return 'invalid_choice';
  return value.length > max ? 'too_long' : null;
}

/**
 * Pragmatic email syntax: something, one '@', a domain with at least one dot and no empty label, no space.
 * Stricter RFC parsing refuses real addresses more often than it catches typos; delivery is the real test.
 */
export function checkEmail(value: unknown): ErrorCode | null {
  if (isBlank(value)) return 'required';
  const email = (value as string).trim();
  if (email.length > 254) return 'too_long';
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email) ? null : 'invalid_email';
}

/** An address exactly as written: nothing around it to trim, nothing checkEmail finds wrong. */
export function isValidEmail(value: string): boolean {
  return value.trim() === value && checkEmail(value) === null;
}

/**
 * A loose phone number: digits with the usual spaces, dots, dashes, slashes or brackets, an optional leading
 * '+', 6 to 15 digits (E.164 has at most 15). It only catches obvious slips; nobody is called automatically.
 */
export function isValidPhone(value: string): boolean {
  return /^\+?[0-9]{6,15}$/.test(value.replace(/[\s.\-()/]/g, ''));
}

export function isValidCountry(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

/** French-style five digits where La Poste's codes apply; elsewhere letters, digits, spaces and dashes. */
export function isValidPostalCode(code: string, country: string): boolean {
  const trimmed = code.trim();
  if (FIVE_DIGIT_FRENCH_POSTCODES.has(country)) return /^[0-9]{5}$/.test(trimmed);
  return /^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$/.test(trimmed);
}

/** A real calendar date written YYYY-MM-DD from year 1000 (2024-02-29 yes, 2025-02-29 no). */
export function isValidDate(value: string): boolean {
  const [, year, month, day] = /^([1-9]\d{3})-(\d\d)-(\d\d)$/.exec(value) ?? [];
  // A day or month out of range rolls over into the next month or year, which no longer reads the same.
  return (
    !!day && new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).toISOString().startsWith(value)
  );
}
