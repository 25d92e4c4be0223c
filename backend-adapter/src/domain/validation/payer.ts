import type { Address, Payer } from '../../protocol';
import { domainError, type DomainError } from '../errors';
import {
  checkEmail,
  checkOptionalText,
  checkRequiredText,
  isBlank,
  isValidCountry,
  isValidPhone,
  isValidPostalCode,
} from './fields';

/** Lengths match the protocol schema, so a request the domain accepts always fits the stored columns. */
export const LIMITS = {
  email: 254,
  name: 100,
  company: 200,
  phone: 30,
  addressLine: 200,
  postalCode: 20,
  city: 100,
} as const;

/** Pushes the error of a required text field, with `{max}` when it is too long. */
export function requireText(errors: DomainError[], value: unknown, max: number, field: string): void {
  const code = checkRequiredText(value, max);
  if (code === 'too_long') errors.push(domainError(code, field, { max }));
  else if (code) errors.push(domainError(code, field));
}

export function optionalText(errors: DomainError[], value: unknown, max: number, field: string): void {
  const code = checkOptionalText(value, max);
  if (code === 'too_long') errors.push(domainError(code, field, { max }));
  else if (code) errors.push(domainError(code, field));
}

export function emailError(value: unknown, field: string, optional = false): DomainError | null {
  if (optional && (value === undefined || value === '')) return null;
  const code = checkEmail(value);
  if (code === null) return null;
  return code === 'too_long' ? domainError(code, field, { max: LIMITS.email }) : domainError(code, field);
}

export function validateAddress(address: Address, field: string): DomainError[] {
  const errors: DomainError[] = [];
  requireText(errors, address.line1, LIMITS.addressLine, `${field}.line1`);
  optionalText(errors, address.line2, LIMITS.addressLine, `${field}.line2`);
  requireText(errors, address.postalCode, LIMITS.postalCode, `${field}.postalCode`);
  requireText(errors, address.city, LIMITS.city, `${field}.city`);
  const countryKnown = typeof address.country === 'string' && isValidCountry(address.country);
  if (isBlank(address.country)) errors.push(domainError('required', `${field}.country`));
  else if (!countryKnown) errors.push(domainError('invalid_country', `${field}.country`));
  if (
    countryKnown &&
    !isBlank(address.postalCode) &&
    address.postalCode.length <= LIMITS.postalCode &&
    !isValidPostalCode(address.postalCode, address.country)
  ) {
    errors.push(domainError('invalid_postal_code', `${field}.postalCode`));
  }
  return errors;
}

/**
 * Every problem with the payer at once. The postal address is needed only for a tax receipt (the cerfa
 * carries it), but an address that was given is always checked.
 */
export function validatePayer(payer: Payer, opts: { addressRequired: boolean }): DomainError[] {
  const errors: DomainError[] = [];
  const email = emailError(payer.email, 'payer.email');
  if (email) errors.push(email);
  requireText(errors, payer.firstName, LIMITS.name, 'payer.firstName');
  requireText(errors, payer.lastName, LIMITS.name, 'payer.lastName');
  optionalText(errors, payer.company, LIMITS.company, 'payer.company');
  if (payer.phone !== undefined && !isBlank(payer.phone)) {
    if (payer.phone.length > LIMITS.phone)
      errors.push(domainError('too_long', 'payer.phone', { max: LIMITS.phone }));
    else if (!isValidPhone(payer.phone)) errors.push(domainError('invalid_phone', 'payer.phone'));
  }
  if (payer.address !== undefined) errors.push(...validateAddress(payer.address, 'payer.address'));
  else if (opts.addressRequired) errors.push(domainError('address_required', 'payer.address'));
  return errors;
}
