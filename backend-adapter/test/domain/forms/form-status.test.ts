import { scheduleStatus } from '../../../src/domain/forms/form-status';
import type { FormConfig } from '../../../src/protocol';

const form = {
  kind: 'tickets',
  id: 'concert',
  title: 'Concert',
  currency: 'EUR',
  payment: { providers: ['simulation'] },
  tickets: {
    salesWindow: { opensAt: '2026-05-01T10:00:00+02:00' },
    types: [{ id: 'plein', name: 'Plein', price: 1500 }],
    maxPerOrder: 6,
    attendeeNames: false,
    promoCodes: [],
    holdMinutes: 30,
    fields: [],
  },
} satisfies FormConfig;

describe('scheduleStatus', () => {
  it('compares instants, whatever offset the editor wrote', () => {
    expect(scheduleStatus(form, new Date('2026-05-01T07:59:59Z'))).toBe('not_yet_open');
    expect(scheduleStatus(form, new Date('2026-05-01T08:00:00Z'))).toBe('open');
  });

  it('keeps a window with no closing date open', () => {
    expect(scheduleStatus(form, new Date('2030-01-01T00:00:00Z'))).toBe('open');
  });

  it('lets the editor close a form inside its window', () => {
    expect(scheduleStatus({ ...form, closed: true }, new Date('2026-06-01T00:00:00Z'))).toBe('closed');
  });
});
