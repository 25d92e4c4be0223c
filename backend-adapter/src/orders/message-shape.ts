import type { Static, TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import type { ErrorCode } from '../protocol';
import type { DomainError } from '../domain';

/**
 * Checks a request body against its protocol schema and says what is wrong the way the domain does: one
 * catalogue code per field, with the dotted path a widget maps to its input. An unknown property makes the
 * whole request unreadable (`bad_request`): the protocol's objects are closed.
 */
export type ShapeResult<T> =
  | { ok: true; value: T }
  | { ok: false; unreadable: false; errors: DomainError[] }
  | { ok: false; unreadable: true; field: string };

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();

function checker(schema: TSchema): TypeCheck<TSchema> {
  let check = compiled.get(schema);
  if (!check) {
    check = TypeCompiler.Compile(schema);
    compiled.set(schema, check);
  }
  return check;
}

export function checkShape<T extends TSchema>(schema: T, value: unknown): ShapeResult<Static<T>> {
  const check = checker(schema);
  if (check.Check(value)) return { ok: true, value: value as Static<T> };
  const errors: DomainError[] = [];
  const seen = new Set<string>();
  for (const error of check.Errors(value)) {
    const field = fieldPath(error.path);
    if (error.type === ValueErrorType.ObjectAdditionalProperties)
      return { ok: false, unreadable: true, field };
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push(fieldError(error, field));
  }
  return { ok: false, unreadable: false, errors };
}

const fieldPath = (pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');

const lastSegment = (field: string) => field.slice(field.lastIndexOf('.') + 1);

function fieldError(error: ValueError, field: string): DomainError {
  const name = lastSegment(field).toLowerCase();
  const isAmount = /amount|total|donation$/.test(name);
  const isQuantity = name === 'quantity';
  const limit = (key: 'maxLength' | 'maxItems') => Number((error.schema as Record<string, unknown>)[key]);
  const at = (code: ErrorCode, params?: DomainError['params']): DomainError =>
    params ? { code, field, params } : { code, field };
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return at('required');
    case ValueErrorType.StringMinLength:
      return at(name === 'email' && error.value !== '' ? 'invalid_email' : 'required');
    case ValueErrorType.StringMaxLength:
      return at('too_long', { max: limit('maxLength') });
    case ValueErrorType.StringPattern:
    case ValueErrorType.StringFormat:
      if (name === 'country') return at('invalid_country');
      if (name.endsWith('date')) return at('invalid_date');
      if (name === 'email') return at('invalid_email');
      if (name === 'postalcode') return at('invalid_postal_code');
      return at('invalid_choice');
    case ValueErrorType.Integer:
    case ValueErrorType.Number:
    case ValueErrorType.IntegerMinimum:
    case ValueErrorType.IntegerMaximum:
      if (isQuantity) return at('quantity_invalid');
      return at(isAmount ? 'amount_not_integer' : 'invalid_choice');
    case ValueErrorType.ArrayMinItems:
      return at(field === 'tickets.items' ? 'no_tickets_selected' : 'required');
    case ValueErrorType.ArrayMaxItems:
      return name === 'members' ? at('too_many_members', { max: limit('maxItems') }) : at('invalid_choice');
    case ValueErrorType.String:
      // An absent-looking value (null) for a text reads as "required"; any other type as an invalid choice.
      return at(error.value === null || error.value === undefined ? 'required' : 'invalid_choice');
    default:
      return at('invalid_choice');
  }
}
