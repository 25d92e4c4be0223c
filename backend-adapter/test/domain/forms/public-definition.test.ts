import { TAX_RULES } from '../../../src/domain/tax/tax-rules';
import { toFormDefinition, type DefinitionContext } from '../../../src/domain/forms/public-definition';
import type { FormConfig, TicketsFormConfig } from '../../../src/protocol';
import { validate } from '../../protocol/support/examples';

const now = new Date('2026-06-15T10:00:00Z');
const base: DefinitionContext = {
  locale: 'en',
  now,
  paymentMethods: [{ provider: 'simulation' }],
  organization: { name: 'Les Amis du Jardin' },
  taxRules: TAX_RULES,
};

const concert: TicketsFormConfig = {
  kind: 'tickets',
  id: 'concert',
  title: { fr: 'Concert au jardin', en: 'Concert in the garden' },
  currency: 'EUR',
  payment: { providers: ['simulation'] },
  tickets: {
    event: { startsAt: '2026-07-04T19:00:00+02:00', location: { fr: 'Au jardin' } },
    salesWindow: { opensAt: '2026-05-01T08:00:00Z', closesAt: '2026-07-01T18:00:00Z' },
    types: [
      { id: 'plein', name: { fr: 'Plein tarif', en: 'Full price' }, price: 1500, quota: 100 },
      { id: 'reduit', name: 'Tarif réduit', price: 1000, quota: 20, maxPerOrder: 2 },
    ],
    maxPerOrder: 6,
    attendeeNames: false,
    promoCodes: [{ code: 'SECRET-2026', discount: { type: 'percent', percentBps: 2000 } }],
    holdMinutes: 30,
    fields: [],
  },
};

const donation: FormConfig = {
  kind: 'donation',
  id: 'don',
  title: 'Don',
  currency: 'EUR',
  payment: { providers: ['simulation'] },
  taxReceipt: { enabled: true, scheme: 'coluche' },
  donation: {
    presets: [2500],
    allowCustomAmount: true,
    minimum: 500,
    maximum: 100000,
    frequencies: ['once'],
    goal: 500000,
    allowAnonymous: true,
    allowDedication: false,
  },
};

describe('toFormDefinition', () => {
  it('never publishes a promo code, only that codes exist', () => {
    const definition = toFormDefinition(concert, base);
    expect(JSON.stringify(definition)).not.toContain('SECRET-2026');
    expect(definition.kind === 'tickets' && definition.tickets.hasPromoCodes).toBe(true);
  });

  it('hides the promo field once every code has expired', () => {
    const expired = {
      ...concert,
      tickets: {
        ...concert.tickets,
        promoCodes: [{ ...concert.tickets.promoCodes[0]!, validUntil: '2026-06-01T00:00:00Z' }],
      },
    };
    const definition = toFormDefinition(expired, base);
    expect(definition.kind === 'tickets' && definition.tickets.hasPromoCodes).toBe(false);
  });

  it('publishes seats left instead of quotas, and texts in the payer language', () => {
    const definition = toFormDefinition(concert, {
      ...base,
      availability: (id) => (id === 'plein' ? 37 : 0),
    });
    if (definition.kind !== 'tickets') throw new Error('kind');
    expect(definition.title).toBe('Concert in the garden');
    expect(definition.tickets.types.map((type) => [type.name, type.available])).toEqual([
      ['Full price', 37],
      ['Tarif réduit', 0],
    ]);
    expect(definition.tickets.event?.location).toBe('Au jardin');
    expect(JSON.stringify(definition)).not.toMatch(/"quota"|"holdMinutes"/);
  });

  it.each([
    ['before the sales window', '2026-04-30T00:00:00Z', undefined, 'not_yet_open'],
    ['during the sales window', '2026-06-15T10:00:00Z', undefined, 'open'],
    ['after the sales window', '2026-07-02T00:00:00Z', undefined, 'closed'],
    ['when every type is sold out', '2026-06-15T10:00:00Z', () => 0, 'sold_out'],
  ] as const)('is %s: %s', (_label, at, availability, status) => {
    const ctx = { ...base, now: new Date(at), ...(availability ? { availability } : {}) };
    expect(toFormDefinition(concert, ctx).status).toBe(status);
  });

  it('stays open while one type is unlimited, even if the others are sold out', () => {
    const withFree = {
      ...concert,
      tickets: {
        ...concert.tickets,
        types: [...concert.tickets.types, { id: 'libre', name: 'Libre', price: 0 }],
      },
    };
    const definition = toFormDefinition(withFree, {
      ...base,
      availability: (id) => (id === 'libre' ? null : 0),
    });
    expect(definition.status).toBe('open');
  });

  it('shows a closed form as closed', () => {
    expect(toFormDefinition({ ...donation, closed: true }, base).status).toBe('closed');
  });

  it('publishes the goal with what was raised, and the tax rule of the current year', () => {
    const definition = toFormDefinition(donation, { ...base, raised: 312500 });
    if (definition.kind !== 'donation') throw new Error('kind');
    expect(definition.donation.goal).toEqual({ amount: 500000, raised: 312500 });
    expect(definition.taxReduction).toMatchObject({ scheme: 'coluche', rateBps: 7500, ceiling: 200000 });
  });

  it('answers what the protocol schema allows, for every kind', () => {
    for (const config of [concert, donation]) {
      expect(validate('FormDefinition', toFormDefinition(config, base))).toEqual([]);
    }
  });
});
