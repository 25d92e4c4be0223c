import { verifyReceiptChain } from '../../src/domain/receipts';
import { ReceiptReplaceError, type SqlStorage } from '../../src/storage';
import { describeEachDatabase } from './databases';
import { receiptDraft } from './support/receipt-drafts';

describeEachDatabase('receipt storage', (db) => {
  let storage: SqlStorage;
  beforeEach(async () => {
    storage = await db.fresh();
  });

  test('the first receipts of a year are numbered 00001, 00002 and chained from 64 zeros', async () => {
    const first = await storage.issueReceipt('demo', receiptDraft('payment:ord_1'));
    const second = await storage.issueReceipt('demo', receiptDraft('payment:ord_2', { amount: 12345 }));
    expect(first.created).toBe(true);
    expect(first.record).toMatchObject({
      number: '2026-00001',
      sequence: 1,
      position: 1,
      prevHash: '0'.repeat(64),
    });
    expect(first.record.id).toMatch(/^rcp_[0-9a-f]{24}$/);
    expect(second.record).toMatchObject({ number: '2026-00002', position: 2, prevHash: first.record.hash });
    expect(await storage.findReceipt('demo', second.record.id)).toEqual(second.record);
    expect(await storage.findReceiptByNumber('demo', '2026-00002')).toEqual(second.record);
    expect(await storage.findReceiptByIssueKey('demo', 'payment:ord_1')).toEqual(first.record);
    expect(await storage.findReceipt('other-site', second.record.id)).toBeNull();
  });

  test('issuing again under the same key returns the receipt already issued and takes no number', async () => {
    const first = await storage.issueReceipt('demo', receiptDraft('payment:ord_1'));
    const again = await storage.issueReceipt('demo', receiptDraft('payment:ord_1', { amount: 99 }));
    expect(again).toEqual({ record: first.record, created: false });
    const next = await storage.issueReceipt('demo', receiptDraft('payment:ord_2'));
    expect(next.record.number).toBe('2026-00002');
  });

  test('each year has its own series; the ledger runs across years; the prefix is part of the number', async () => {
    await storage.issueReceipt('demo', receiptDraft('a', { year: 2025 }));
    await storage.issueReceipt('demo', receiptDraft('b', { year: 2026, prefix: 'RF' }));
    const c = await storage.issueReceipt('demo', receiptDraft('c', { year: 2025 }));
    expect(c.record).toMatchObject({ number: '2025-00002', position: 3 });
    expect((await storage.findReceiptByIssueKey('demo', 'b'))?.number).toBe('RF-2026-00001');
    const other = await storage.issueReceipt('other', receiptDraft('a', { year: 2025 }));
    expect(other.record).toMatchObject({ number: '2025-00001', position: 1 });
  });

  test('a replacement names an existing receipt, and a receipt is replaced only once', async () => {
    const first = await storage.issueReceipt('demo', receiptDraft('payment:ord_1'));
    await expect(
      storage.issueReceipt('demo', receiptDraft('cancel:2026-00042', { replaces: '2026-00042' })),
    ).rejects.toEqual(new ReceiptReplaceError('not_found', '2026-00042'));
    const fix = await storage.issueReceipt(
      'demo',
      receiptDraft('correct:2026-00001:1', { replaces: first.record.number }),
    );
    expect(fix.record).toMatchObject({ number: '2026-00002', replaces: '2026-00001', kind: 'correction' });
    await expect(
      storage.issueReceipt('demo', receiptDraft('cancel:2026-00001', { replaces: '2026-00001' })),
    ).rejects.toEqual(new ReceiptReplaceError('already_replaced', '2026-00001'));
    // The refused drafts took no number.
    expect((await storage.issueReceipt('demo', receiptDraft('payment:ord_3'))).record.number).toBe(
      '2026-00003',
    );
  });

  test('lists filter by year, order, email, replaced number and kind, in ledger order, with counts', async () => {
    await storage.issueReceipt('demo', receiptDraft('k1', { year: 2025, email: 'Ada@Example.org' }));
    await storage.issueReceipt(
      'demo',
      receiptDraft('k2', { orderIds: ['ord_a', 'ord_b'], email: 'bob@example.org' }),
    );
    await storage.issueReceipt('demo', receiptDraft('k3', { replaces: '2026-00001' }));
    const numbers = (list: { number: string }[]) => list.map((r) => r.number);
    expect(numbers(await storage.listReceipts('demo', {}, 10))).toEqual([
      '2025-00001',
      '2026-00001',
      '2026-00002',
    ]);
    expect(numbers(await storage.listReceipts('demo', {}, 1, 1))).toEqual(['2026-00001']);
    expect(numbers(await storage.listReceipts('demo', { year: 2026 }, 10))).toEqual([
      '2026-00001',
      '2026-00002',
    ]);
    expect(numbers(await storage.listReceipts('demo', { orderId: 'ord_b' }, 10))).toEqual(['2026-00001']);
    expect(numbers(await storage.listReceipts('demo', { email: 'ada@example.org' }, 10))).toEqual([
      '2025-00001',
      '2026-00002',
    ]);
    expect(numbers(await storage.listReceipts('demo', { replaces: '2026-00001' }, 10))).toEqual([
      '2026-00002',
    ]);
    expect(numbers(await storage.listReceipts('demo', { kind: 'correction' }, 10))).toEqual(['2026-00002']);
    expect(await storage.countReceipts('demo', { year: 2026 })).toBe(2);
    expect(await storage.countReceipts('elsewhere', {})).toBe(0);
    const ledger = await storage.receiptsInLedgerOrder('demo', 1, 10);
    expect(ledger.map((r) => r.position)).toEqual([2, 3]);
  });

  test('receipts are append-only: the database refuses an update or a delete', async () => {
    await storage.issueReceipt('demo', receiptDraft('k1'));
    const driver = (storage as unknown as { db: { run(sql: string): Promise<number> } }).db;
    // Messages, not toThrow: better-sqlite3's error class belongs to the first test file that loaded the addon.
    const refusal = (sql: string) => driver.run(sql).then(String, (err: Error) => err.message);
    expect(await refusal('UPDATE receipts SET amount = 1')).toMatch(/append-only/);
    expect(await refusal('DELETE FROM receipts')).toMatch(/append-only/);
    const ledger = await storage.receiptsInLedgerOrder('demo', 0, 10);
    expect(verifyReceiptChain(ledger)).toMatchObject({ ok: true, count: 1 });
  });
});
