import { ReceiptService, type ReceiptSite } from '../../src/receipts';
import { annualReceiptsTask } from '../../src/server/jobs';
import { SqlStorage } from '../../src/storage';
import { SqliteDriver } from '../../src/storage/sqlite/sqlite-driver';
import { donationOrder, markPaid } from '../storage/fixtures';
import { ADDRESS, ISSUER } from '../receipts/issuer';
import type { FormConfig, OrderRequest } from '../../src/protocol';

const form = {
  kind: 'donation',
  id: 'don',
  title: 'Don',
  currency: 'EUR',
  payment: { providers: ['offline'], offlineMethods: ['cheque'] },
  donation: {
    presets: [],
    allowCustomAmount: true,
    minimum: 100,
    maximum: 100000,
    frequencies: ['monthly'],
    allowAnonymous: true,
    allowDedication: false,
  },
  taxReceipt: { enabled: true, scheme: 'general' },
} as FormConfig;

describe('annual receipts in the jobs loop', () => {
  test('run in January for the previous year, once per site, and not in the other months', async () => {
    const storage = new SqlStorage(new SqliteDriver(':memory:'));
    await storage.migrate();
    const input = donationOrder(3000);
    const request = input.order.request as Extract<OrderRequest, { kind: 'donation' }>;
    input.order.request = {
      ...request,
      payer: { ...request.payer, address: ADDRESS },
      donation: { ...request.donation, frequency: 'monthly', taxReceipt: true },
    };
    input.order.recurring = { interval: 'month' };
    const paidAt = new Date('2026-03-10T10:00:00Z');
    await storage.createOrder(input, paidAt);
    await markPaid(storage, input.order.id, paidAt);

    let now = new Date('2026-12-15T10:00:00Z');
    const service = new ReceiptService({
      storage,
      now: () => now,
      log: { info: () => undefined, warn: () => undefined },
    });
    const site: ReceiptSite = {
      id: 'demo',
      forms: new Map([['don', form]]),
      receipts: { issuer: ISSUER, linkSecret: 'k'.repeat(32) },
      baseUrl: () => 'https://asso.example/v1/sites/demo',
    };
    const runs: object[] = [];
    const task = annualReceiptsTask(service, new Map([['demo', site]]), () => now, {
      info: (obj) => runs.push(obj),
      warn: () => undefined,
      error: () => undefined,
    });
    await task();
    expect(await storage.countReceipts('demo', {})).toBe(0);
    // 23:30 UTC on 31 December is 1 January in Paris.
    now = new Date('2026-12-31T23:30:00Z');
    await task();
    await task();
    expect(runs).toEqual([{ site: 'demo', year: 2026, issued: 1 }]);
    const [annual] = await storage.listReceipts('demo', {}, 10);
    expect(annual).toMatchObject({ kind: 'annual', number: '2027-00001', amount: 3000 });
    now = new Date('2027-02-01T10:00:00Z');
    await task();
    expect(runs).toHaveLength(1);
    await storage.close();
  });
});
