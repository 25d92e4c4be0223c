import type { FormConfig, Locale } from '../../protocol';
import { domainError, type DomainError } from '../errors';
import { resolveText } from '../text';
import { isValidDate } from './fields';

type FieldConfig = Extract<FormConfig, { kind: 'tickets' }>['tickets']['fields'][number];
type FieldValue = string | boolean;

const DEFAULT_MAX_LENGTH = 2000;

function isEmpty(value: FieldValue | undefined): boolean {
  return value === undefined || value === false || (typeof value === 'string' && value.trim() === '');
}

/**
 * The editor's own questions. Their labels are not in the catalogue, so each error carries the label in
 * the payer's language as `{field}`. Values for questions the form does not ask are ignored (hosts store
 * only configured fields). A required checkbox must be ticked (e.g. "I accept the rules").
 */
export function validateCustomFields(
  fields: readonly FieldConfig[],
  values: Record<string, FieldValue> | undefined,
  path: string,
  locale: Locale,
): DomainError[] {
  const errors: DomainError[] = [];
  for (const field of fields) {
    const value = values?.[field.id];
    const at = `${path}.${field.id}`;
    const label = { field: resolveText(field.label, locale) };
    if (isEmpty(value)) {
      if (field.required) errors.push(domainError('required', at, label));
      continue;
    }
    switch (field.type) {
      case 'text': {
        const max = field.maxLength ?? DEFAULT_MAX_LENGTH;
        if (typeof value !== 'string') errors.push(domainError('invalid_choice', at, label));
        else if (value.length > max) errors.push(domainError('too_long', at, { ...label, max }));
        break;
      }
      case 'choice':
        if (typeof value !== 'string' || !(field.options ?? []).some((option) => option.value === value)) {
          errors.push(domainError('invalid_choice', at, label));
        }
        break;
      case 'date':
        if (typeof value !== 'string' || !isValidDate(value))
          errors.push(domainError('invalid_date', at, label));
        break;
      case 'checkbox':
        if (typeof value !== 'boolean') errors.push(domainError('invalid_choice', at, label));
        break;
    }
  }
  return errors;
}
