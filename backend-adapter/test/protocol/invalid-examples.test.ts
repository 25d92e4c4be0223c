import type { ErrorObject } from 'ajv';
import { readExample, validate } from './support/examples';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface InvalidCase {
  why: string;
  file: string;
  schema: string;
  mutate: (message: Json) => void;
  /** Where the schema must point: the JSON Pointer of the offending value and the keyword that failed. */
  path: string;
  keyword: string;
}

const cases: InvalidCase[] = [
  {
    why: 'an amount with cents after a decimal point (money is integer minor units)',
    file: 'order-request.donation.json',
    schema: 'OrderRequest',
    mutate: (m) => (m.donation.amount = 25.5),
    path: '/donation/amount',
    keyword: 'type',
  },
  {
    why: 'an amount as text',
    file: 'order-request.donation.json',
    schema: 'OrderRequest',
    mutate: (m) => (m.donation.amount = '25,00'),
    path: '/donation/amount',
    keyword: 'type',
  },
  {
    why: 'a fractional ticket quantity',
    file: 'order-request.tickets.json',
    schema: 'OrderRequest',
    mutate: (m) => (m.tickets.items[1].quantity = 1.5),
    path: '/tickets/items/1/quantity',
    keyword: 'type',
  },
  {
    why: 'a locale the protocol does not speak',
    file: 'order-request.membership.json',
    schema: 'OrderRequest',
    mutate: (m) => (m.locale = 'de'),
    path: '/locale',
    keyword: 'const',
  },
  {
    why: 'a browser-sent total next to the choices (the server computes it)',
    file: 'order-request.donation.json',
    schema: 'OrderRequest',
    mutate: (m) => (m.donation.total = 100),
    path: '/donation',
    keyword: 'additionalProperties',
  },
  {
    why: 'a lower-case currency code',
    file: 'form-definition.donation.json',
    schema: 'FormDefinition',
    mutate: (m) => (m.currency = 'eur'),
    path: '/currency',
    keyword: 'pattern',
  },
  {
    why: 'secret promo codes leaking into the public definition',
    file: 'form-definition.tickets.json',
    schema: 'FormDefinition',
    mutate: (m) => (m.tickets.promoCodes = [{ code: 'ADHERENT' }]),
    path: '/tickets',
    keyword: 'additionalProperties',
  },
  {
    why: 'a Stripe secret key offered as the publishable key',
    file: 'form-definition.donation.json',
    schema: 'FormDefinition',
    mutate: (m) => (m.paymentMethods[0].publishableKey = 'sk_test_51JardinPartageExemple'),
    path: '/paymentMethods/0/publishableKey',
    keyword: 'pattern',
  },
  {
    why: 'a Stripe confirm action without its client secret',
    file: 'order-created.donation-stripe.json',
    schema: 'OrderCreated',
    mutate: (m) => delete m.next.clientSecret,
    path: '/next',
    keyword: 'required',
  },
  {
    why: 'a negative total',
    file: 'order-status.donation-paid.json',
    schema: 'OrderStatus',
    mutate: (m) => (m.total = -2500),
    path: '/total',
    keyword: 'minimum',
  },
  {
    why: 'a status outside the state machine',
    file: 'order-status.tickets-paid.json',
    schema: 'OrderStatus',
    mutate: (m) => (m.status = 'complete'),
    path: '/status',
    keyword: 'const',
  },
  {
    why: 'a creation date without its offset',
    file: 'order-status.donation-paid.json',
    schema: 'OrderStatus',
    mutate: (m) => (m.createdAt = '23/11/2026 14:05'),
    path: '/createdAt',
    keyword: 'format',
  },
  {
    why: 'a test card with letters',
    file: 'simulation-confirm-request.success.json',
    schema: 'SimulationConfirmRequest',
    mutate: (m) => (m.card = '4242-4242-abcd'),
    path: '/card',
    keyword: 'pattern',
  },
  {
    why: 'a field error without its message',
    file: 'error-response.validation-failed.json',
    schema: 'ErrorResponse',
    mutate: (m) => delete m.error.errors[0].message,
    path: '/error/errors/0',
    keyword: 'required',
  },
  {
    why: 'a webhook acknowledgement that does not say whether it was a duplicate',
    file: 'webhook-ack.applied.json',
    schema: 'WebhookAck',
    mutate: (m) => delete m.duplicate,
    path: '',
    keyword: 'required',
  },
];

const describeErrors = (errors: ErrorObject[]) => errors.map((e) => `${e.instancePath || '/'} ${e.keyword}`);

describe('the schema rejects invalid messages where they are wrong', () => {
  it.each(cases)('$file: $why', ({ file, schema, mutate, path, keyword }) => {
    const message = readExample<Json>(file);
    expect(validate(schema, message)).toEqual([]);
    mutate(message);
    const errors = validate(schema, message);
    expect(errors.length).toBeGreaterThan(0);
    expect(describeErrors(errors)).toContain(`${path || '/'} ${keyword}`);
  });
});
