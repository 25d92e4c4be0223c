import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, zipStored } from '../../../src/receipts/zip';

const files = [
  { name: 'recu-fiscal-2026-00001.pdf', data: new Uint8Array(Buffer.from('%PDF-1.4 first')), modifiedAt: new Date('2026-03-05T09:30:17.000Z') },
  { name: 'reçus/récapitulatif 2026.csv', data: new Uint8Array(Buffer.from('numéro;montant\n', 'utf8')), modifiedAt: new Date('2027-01-15T23:59:58.000Z') },
  { name: 'empty.txt', data: new Uint8Array(0), modifiedAt: new Date('1970-01-01T00:00:00.000Z') },
]; // prettier-ignore

/** What Python's zipfile reads back: names, sizes, UTC times, CRC check result and the contents. */
function readBack(zip: Uint8Array): {
  entries: Array<{ name: string; size: number; compress: number; date: number[]; flag: number; crc: number }>;
  bad: string | null;
  contents: string[];
} {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-zip-'));
  try {
    const path = join(dir, 'receipts.zip');
    writeFileSync(path, zip);
    const script = `
import json, sys, zipfile, base64
z = zipfile.ZipFile(sys.argv[1])
print(json.dumps({
  "entries": [{"name": i.filename, "size": i.file_size, "compress": i.compress_type, "date": list(i.date_time), "flag": i.flag_bits, "crc": i.CRC} for i in z.infolist()],
  "bad": z.testzip(),
  "contents": [base64.b64encode(z.read(i)).decode() for i in z.infolist()],
}))`;
    return JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('zipStored', () => {
  const zip = zipStored(files);
  const back = readBack(zip);

  it('is read back by Python zipfile with every CRC correct and the same contents', () => {
    expect(back.bad).toBeNull();
    expect(back.contents.map((b64) => Buffer.from(b64, 'base64').toString('utf8'))).toEqual(
      files.map((f) => Buffer.from(f.data).toString('utf8')),
    );
  });

  it('stores the entries uncompressed, with UTF-8 names flagged', () => {
    expect(back.entries.map((e) => e.name)).toEqual(files.map((f) => f.name));
    for (const [i, e] of back.entries.entries()) {
      expect(e.compress).toBe(0);
      expect(e.size).toBe(files[i]?.data.length);
      expect(e.flag & 0x800).toBe(0x800);
    }
  });

  it('records the modification time in UTC (two-second DOS precision), 1980 at the earliest', () => {
    expect(back.entries.map((e) => e.date)).toEqual([
      [2026, 3, 5, 9, 30, 16],
      [2027, 1, 15, 23, 59, 58],
      [1980, 1, 1, 0, 0, 0],
    ]);
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(new Uint8Array(Buffer.from('123456789')))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(back.entries[0]?.crc).toBe(crc32(files[0]?.data ?? new Uint8Array(0)));
  });

  it('gives the same bytes for the same files, and an empty but valid archive for none', () => {
    expect(Buffer.from(zipStored(files)).equals(Buffer.from(zip))).toBe(true);
    const empty = zipStored([]);
    expect(Buffer.from(empty).toString('hex')).toBe('504b0506' + '00'.repeat(18));
    expect(readBack(empty).entries).toEqual([]);
  });
});
