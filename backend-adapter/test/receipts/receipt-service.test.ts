import type { FormConfig, OrderRequest } from '../../src/protocol';
import { ReceiptService, type ReceiptSite } from '../../src/receipts';
import { SqlStorage, type NewOrder } from '../../src/storage';
import { SqliteDriver } from '../../src/storage/sqlite/sqlite-driver';
import { donationOrder, markPaid } from '../storage/fixtures';
import { ADDRESS, ISSUER } from './issuer';

const form = {
  kind: 'donation',
  id: 'don',
  title: 'Don',
  currency: 'EUR',
  payment: { providers: ['simulation', 'offline'], offlineMethods: ['cheque'] },
  donation: {
    presets: [2500],
    allowCustomAmount: true,
    minimum: 100,
    maximum: 100000,
    frequencies: ['once', 'monthly'],
    allowAnonymous: true,
    allowDedication: false,
  },
  taxReceipt: { enabled: true, scheme: 'general' },
} as FormConfig;

const at = (text: string) => new Date(text);

/** A donation asking for a receipt, with a postal address; monthly when `recurring`. */
function gift(
  amount: number,
  opts: { recurring?: boolean; email?: string; taxReceipt?: boolean } = {},
): NewOrder {
  const input = donationOrder(amount, opts.email ? { email: opts.email } : {});
  const request = input.order.request as Extract<OrderRequest, { kind: 'donation' }>;
  input.order.request = {
    ...request,
    payer: { ...request.payer, address: ADDRESS },
    donation: {
      ...request.donation,
      frequency: opts.recurring ? 'monthly' : 'once',
      taxReceipt: opts.taxReceipt ?? true,
    },
  };
  if (opts.recurring) input.order.recurring = { interval: 'month' };
  return input;
}

describe('receipt service', () => {
  let storage: SqlStorage;
  let clock: Date;
  let service: ReceiptService;
  let site: ReceiptSite & { receipts: { issuer: typeof ISSUER | null; linkSecret: string } };
  beforeEach(async () => {
    storage = new SqlStorage(new SqliteDriver(':memory:'));
    await storage.migrate();
    clock = at('2026-05-01T10:00:00Z');
    service = new ReceiptService({
      storage,
      now: () => clock,
      log: { info: () => undefined, warn: () => undefined },
    });
    site = {
      id: 'demo',
      forms: new Map([['don', form]]),
      receipts: { issuer: ISSUER, linkSecret: 'k'.repeat(32) },
      baseUrl: () => 'https://asso.example/v1/sites/demo',
    };
  });
  afterEach(() => storage.close());

  async function paid(input: NewOrder, when = at('2026-05-01T10:00:00Z')) {
    await storage.createOrder(input, when);
    await markPaid(storage, input.order.id, when);
    const order = await storage.getOrder('demo', input.order.id);
    if (!order) throw new Error('order vanished');
    return order;
  }

  async function renewal(
    orderId: string,
    when: string,
    action: 'renewal_paid' | 'renewal_failed',
    amount = 5000,
  ) {
    await storage.apply({
      site: 'demo',
      target: { orderId },
      once: { source: 'simulation', id: `${action}_${orderId}_${when}`, type: action },
      now: at(when),
      decide: () => ({
        type: 'change',
        change: { note: { source: 'provider', action, detail: String(amount) } },
      }),
    });
  }

  test('a cheque gift gets a payment receipt once, however often the change is reported', async () => {
    const order = await paid(gift(5000));
    expect(await service.onOrderChanged(site, order)).toBe(1);
    expect(await service.onOrderChanged(site, order)).toBe(0);
    const [receipt] = await storage.listReceipts('demo', {}, 10);
    expect(receipt).toMatchObject({
      number: '2026-00001',
      kind: 'payment',
      amount: 5000,
      donorName: 'Ada Lovelace',
      orderIds: [order.id],
    });
    expect(receipt?.document).toMatchObject({ paymentMethod: 'cheque', paidOn: '2026-05-01', amount: 5000 });
    expect(await service.issuedReceipt(site, order.id)).toEqual({
      number: '2026-00001',
      url: expect.stringMatching(/^https:\/\/asso\.example\/v1\/sites\/demo\/receipts\/rcp_\w+\.pdf\?token=/),
    });
  });

  test('without issuer settings nothing is issued; the catch-up issues what was missed, once', async () => {
    site.receipts.issuer = null;
    const first = await paid(gift(5000));
    const second = await paid(gift(7000, { email: 'grace@example.org' }), at('2026-05-02T10:00:00Z'));
    await paid(gift(7000, { taxReceipt: false }));
    expect(await service.onOrderChanged(site, first)).toBe(0);
    await expect(service.issueMissing(site)).rejects.toMatchObject({ reason: 'issuer_not_configured' });
    site.receipts.issuer = ISSUER;
    clock = at('2026-06-01T10:00:00Z');
    expect(await service.issueMissing(site)).toBe(2);
    expect(await service.issueMissing(site)).toBe(0);
    const receipts = await storage.listReceipts('demo', {}, 10);
    expect(receipts.map((r) => [r.orderIds[0], r.document.paidOn, r.document.issuedOn])).toEqual([
      [first.id, '2026-05-01', '2026-06-01'],
      [second.id, '2026-05-02', '2026-06-01'],
    ]);
  });

  test('annual receipts: one per donor for the paid debits of the year; failed debits never count', async () => {
    const monthly = gift(5000, { recurring: true });
    const order = await paid(monthly, at('2026-01-15T10:00:00Z'));
    expect(await service.onOrderChanged(site, order)).toBe(0);
    await renewal(order.id, '2026-02-15T10:00:00Z', 'renewal_paid');
    await renewal(order.id, '2026-03-15T10:00:00Z', 'renewal_failed');
    await renewal(order.id, '2026-04-15T10:00:00Z', 'renewal_paid');
    await renewal(order.id, '2027-01-05T10:00:00Z', 'renewal_paid');
    const other = await paid(
      gift(2000, { recurring: true, email: 'grace@example.org' }),
      at('2026-12-31T23:30:00Z'),
    );
    clock = at('2027-01-10T08:00:00Z');
    expect(await service.issueAnnual(site, 2026)).toBe(1);
    expect(await service.issueAnnual(site, 2026)).toBe(0);
    const [annual] = await storage.listReceipts('demo', { kind: 'annual' }, 10);
    expect(annual).toMatchObject({
      number: '2027-00001',
      issueKey: 'annual:2026:ada@example.org',
      amount: 15000,
      orderIds: [order.id],
    });
    expect(annual?.document).toMatchObject({
      period: { from: '2026-01-15', to: '2026-04-15' },
      amount: 15000,
    });
    // 23:30 UTC on 31 December is already 2027 in Paris: that gift belongs to next year's receipt.
    expect(await storage.listReceipts('demo', { orderId: other.id }, 10)).toEqual([]);
    expect(await service.issueAnnual(site, 2027)).toBe(2);
  });

  test('a partial and a full refund racing on one receipt end with it cancelled, each number replaced once', async () => {
    const order = await paid(gift(5000));
    await service.onOrderChanged(site, order);
    await Promise.all([
      service.onOrderChanged(site, { ...order, refundedAmount: 2000 }),
      service.onOrderChanged(site, { ...order, refundedAmount: 5000, status: 'refunded' }),
    ]);
    const receipts = await storage.listReceipts('demo', {}, 10);
    expect(receipts.at(-1)?.kind).toBe('cancellation');
    const replaced = receipts.map((r) => r.replaces).filter(Boolean);
    expect(new Set(replaced).size).toBe(replaced.length);
    expect(await service.issuedReceipt(site, order.id)).toBeNull();
  });

  test('totals count the receipts in force of the year; verify walks the chain', async () => {
    const a = await paid(gift(5000));
    const b = await paid(gift(7000, { email: 'grace@example.org' }));
    await service.onOrderChanged(site, a);
    await service.onOrderChanged(site, b);
    await service.cancel(site, '2026-00001', 'gift returned by hand');
    expect(await service.totals(site, 2026)).toMatchObject({ year: 2026, count: 1, amount: 7000 });
    expect(await service.verify(site)).toEqual({ ok: true, count: 3, series: [] });
  });
});
