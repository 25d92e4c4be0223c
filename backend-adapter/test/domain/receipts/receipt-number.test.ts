import {
  auditReceiptSeries,
  formatReceiptNumber,
  nextReceiptNumber,
  parseReceiptNumber,
} from '../../../src/domain/receipts/receipt-number';

describe('receipt numbers', () => {
  it('start each year at 1 and follow the last one issued', () => {
    expect(formatReceiptNumber(nextReceiptNumber(2026, null))).toBe('2026-00001');
    expect(formatReceiptNumber(nextReceiptNumber(2026, 41), 'RF')).toBe('RF-2026-00042');
    expect(formatReceiptNumber({ year: 2026, sequence: 123456 })).toBe('2026-123456');
  });

  it('read back what they write', () => {
    expect(parseReceiptNumber('RF-2026-00042')).toEqual({ prefix: 'RF', year: 2026, sequence: 42 });
    expect(parseReceiptNumber('2026-00001')).toEqual({ year: 2026, sequence: 1 });
    expect(['2026-00000', '2026-42', 'rf-2026-00042', '2026-00042 '].map(parseReceiptNumber)).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('never write a sequence 0 or a prefix that could be mistaken for the year', () => {
    expect(() => formatReceiptNumber({ year: 2026, sequence: 0 })).toThrow(RangeError);
    expect(() => formatReceiptNumber({ year: 2026, sequence: 1 }, '2026')).toThrow(RangeError);
  });

  it('find the holes and the numbers used twice in a series', () => {
    expect(auditReceiptSeries([1, 2, 4, 4, 7])).toEqual({ missing: [3, 5, 6], duplicates: [4] });
    expect(auditReceiptSeries([])).toEqual({ missing: [], duplicates: [] });
  });
});
