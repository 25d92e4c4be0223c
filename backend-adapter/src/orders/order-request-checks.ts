import {
  DonationOrderRequest,
  MembershipOrderRequest,
  TicketsOrderRequest,
  type FormConfig,
  type OrderRequest,
} from '../protocol';
import { validateOrder, type DomainError } from '../domain';
import { checkShape } from './message-shape';
import { OrderError, validationFailed } from './order-error';

const REQUEST_SCHEMAS = {
  donation: DonationOrderRequest,
  membership: MembershipOrderRequest,
  tickets: TicketsOrderRequest,
} as const;

/** The body as an OrderRequest for this form, or the protocol's error: wrong kind, unknown property, bad shape. */
export function readRequest(form: FormConfig, body: unknown, now: Date): OrderRequest {
  const fields = body as Record<string, unknown>;
  if (fields.kind !== form.kind) throw new OrderError('bad_request', { field: 'kind' });
  if ('currency' in fields && fields.currency !== form.currency) {
    // v1 requests carry no currency; one that names another currency than the form's gets a clear message.
    throw validationFailed([
      { code: 'currency_mismatch', field: 'currency', params: { currency: form.currency } },
    ]);
  }
  const shape = checkShape(REQUEST_SCHEMAS[form.kind], body);
  if (shape.ok) return shape.value;
  if (shape.unreadable) throw new OrderError('bad_request', { field: shape.field });
  throw validationFailed(withRuleErrors(shape.errors, form, body, now));
}

/**
 * Every problem at once: when the body has the right types but some values break the schema (an empty name,
 * a text too long), the domain's rules still run on it, so the payer also learns about the invalid e-mail.
 */
function withRuleErrors(
  shapeErrors: DomainError[],
  form: FormConfig,
  body: unknown,
  now: Date,
): DomainError[] {
  let ruleErrors: DomainError[] = [];
  try {
    const request = body as OrderRequest;
    ruleErrors = validateOrder(form, request, { now, locale: request.locale === 'en' ? 'en' : 'fr' });
  } catch {
    // The values are too far from the schema for the rules to read them: the schema's findings are enough.
  }
  const fields = new Set(shapeErrors.map((e) => e.field));
  return [...shapeErrors, ...ruleErrors.filter((e) => e.field !== undefined && !fields.has(e.field))];
}
