import {
  ERROR_STATUS,
  FIELD_ERROR_CODES,
  SIMULATION_CARDS,
  fieldLabel,
  isErrorCode,
  type ErrorResponse,
  type FormConfig,
  type FormDefinition,
  type OrderCreated,
  type OrderRequest,
  type OrderStatus,
  type SimulationResult,
} from '../../src/protocol';
import catalogue from '../../src/protocol/error-messages.json';
import { exampleFiles, readExample, schemaDocument, schemaNameOf, validate } from './support/examples';

const files = exampleFiles();
const named = (schema: string) => files.filter((file) => schemaNameOf(file) === schema);

describe('docs/examples/protocol', () => {
  it('holds at least one example of every message of the JSON Schema', () => {
    const covered = new Set(files.map(schemaNameOf));
    expect(Object.keys(schemaDocument.$defs).filter((name) => !covered.has(name))).toEqual([]);
  });

  it.each(files)('%s is valid against the schema its name gives', (file) => {
    expect(Object.keys(schemaDocument.$defs)).toContain(schemaNameOf(file));
    expect(validate(schemaNameOf(file), readExample(file))).toEqual([]);
  });
});

/** Every order shape the examples hold, wherever it is nested. */
function ordersInExamples(): [string, OrderStatus][] {
  const orders: [string, OrderStatus][] = [];
  for (const file of named('OrderStatus')) orders.push([file, readExample<OrderStatus>(file)]);
  for (const file of named('OrderCreated')) orders.push([file, readExample<OrderCreated>(file).order]);
  for (const file of named('SimulationResult'))
    orders.push([file, readExample<SimulationResult>(file).order]);
  return orders;
}

describe('orders in the examples add up', () => {
  it.each(ordersInExamples())('%s: lines, total and status agree', (_file, order) => {
    for (const line of order.lines) {
      expect(line.amount).toBe(line.unitAmount * line.quantity);
      expect(line.taxEligibleAmount ?? 0).toBeLessThanOrEqual(Math.max(line.amount, 0));
    }
    expect(order.lines.reduce((sum, line) => sum + line.amount, 0)).toBe(order.total);
    expect(order.refundedAmount).toBeLessThanOrEqual(order.total);
    expect(order.paidAt !== null).toBe(['paid', 'refunded', 'disputed'].includes(order.status));
    if (order.status !== 'pending') expect(order.expiresAt).toBeNull();
    for (const ticket of order.tickets ?? []) {
      expect(order.lines.some((line) => line.kind === 'ticket' && line.ref === ticket.typeId)).toBe(true);
    }
  });

  it.each(named('OrderCreated'))(
    '%s: "completed" is answered exactly when nothing is left to pay',
    (file) => {
      const created = readExample<OrderCreated>(file);
      expect(created.next.type === 'completed').toBe(created.order.status === 'paid');
      if (created.next.type !== 'completed') expect(created.order.status).toBe('pending');
    },
  );

  it('a declined simulation fails the order with the catalogue message for the payer', () => {
    const { order } = readExample<SimulationResult>('simulation-result.declined.json');
    expect(order.status).toBe('failed');
    expect(order.failure).toEqual({
      code: 'payment_declined',
      message: catalogue.messages.payment_declined.fr,
    });
  });
});

describe('requests in the examples match their forms and answers', () => {
  const configs = new Map(
    named('FormConfig').map((file) => [readExample<FormConfig>(file).kind, readExample<FormConfig>(file)]),
  );
  const createdFor = {
    donation: 'order-created.donation-stripe.json',
    membership: 'order-created.membership-offline.json',
    tickets: 'order-created.tickets-simulation.json',
  } as const;

  it.each(named('OrderRequest'))(
    '%s refers to choices its form offers and expects the total it gets',
    (file) => {
      const request = readExample<OrderRequest>(file);
      const form = configs.get(request.kind);
      if (!form) throw new Error(`no form-config example of kind ${request.kind}`);
      expect(form.payment.providers).toContain(request.payment.provider);
      if (request.kind === 'membership' && form.kind === 'membership') {
        expect(form.membership.tiers.map((tier) => tier.id)).toContain(request.membership.tierId);
        expect(request.membership.members.length).toBeLessThanOrEqual(form.membership.maxMembers);
      }
      if (request.kind === 'tickets' && form.kind === 'tickets') {
        const typeIds = form.tickets.types.map((type) => type.id);
        for (const item of request.tickets.items) expect(typeIds).toContain(item.typeId);
        expect(form.tickets.promoCodes.map((promo) => promo.code)).toContain(request.tickets.promoCode);
        const quantity = request.tickets.items.reduce((sum, item) => sum + item.quantity, 0);
        expect(request.tickets.attendees).toHaveLength(quantity);
      }
      const created = readExample<OrderCreated>(createdFor[request.kind]);
      expect(created.order.kind).toBe(request.kind);
      expect(created.order.formId).toBe(form.id);
      expect(request.expectedTotal).toBe(created.order.total);
    },
  );

  it.each(named('FormDefinition'))('%s is its config resolved in French, without any secret', (file) => {
    const definition = readExample<FormDefinition>(file);
    const config = configs.get(definition.kind);
    if (!config) throw new Error(`no form-config example of kind ${definition.kind}`);
    expect([definition.id, definition.currency, definition.locale]).toEqual([
      config.id,
      config.currency,
      'fr',
    ]);
    expect(definition.title).toBe(typeof config.title === 'string' ? config.title : config.title.fr);
    const text = JSON.stringify(definition);
    expect(text).not.toMatch(/promoCodes|"quota"|sk_(test|live)_|whsec_/);
    if (config.kind === 'tickets')
      for (const promo of config.tickets.promoCodes) expect(text).not.toContain(promo.code);
  });

  it.each(named('SimulationConfirmRequest'))('%s uses a card of the test-card table', (file) => {
    const { card } = readExample<{ card: string }>(file);
    expect(SIMULATION_CARDS.map((entry) => entry.number)).toContain(card.replace(/ /g, ''));
  });
});

/** The catalogue template as a pattern: `{field}` is the field's label, other placeholders any text. */
function templatePattern(template: string, field: string | undefined, locale: 'fr' | 'en'): RegExp {
  const parts = template.split(/(\{\w+\})/).map((part) => {
    if (part === '{field}' && field !== undefined) return escapeRegExp(fieldLabel(field, locale));
    return /^\{\w+\}$/.test(part) ? '.+' : escapeRegExp(part);
  });
  return new RegExp(`^${parts.join('')}$`);
}
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function matchesCatalogue(code: string, message: string, field?: string): boolean {
  if (!isErrorCode(code)) return false;
  const { fr, en } = catalogue.messages[code];
  return templatePattern(fr, field, 'fr').test(message) || templatePattern(en, field, 'en').test(message);
}

describe('error examples speak the catalogue', () => {
  it.each(named('ErrorResponse'))('%s: known codes, catalogue messages, field labels', (file) => {
    const { error } = readExample<ErrorResponse>(file);
    expect(Object.keys(ERROR_STATUS)).toContain(error.code);
    expect(matchesCatalogue(error.code, error.message, error.field)).toBe(true);
    for (const detail of error.errors ?? []) {
      expect(FIELD_ERROR_CODES as readonly string[]).toContain(detail.code);
      expect(detail.field).toMatch(/^[A-Za-z]+(\.([A-Za-z]+|\d+))*$/);
      expect(matchesCatalogue(detail.code, detail.message, detail.field)).toBe(true);
    }
  });

  it('the pattern check rejects a message that is not the catalogue one', () => {
    expect(matchesCatalogue('required', 'E-mail : ce champ est obligatoire.', 'payer.email')).toBe(true);
    expect(matchesCatalogue('required', 'Prénom : ce champ est obligatoire.', 'payer.email')).toBe(false);
    expect(matchesCatalogue('required', 'Email is required', 'payer.email')).toBe(false);
  });
});
