/**
 * The TypeScript and PHP receipt renderers give the same bytes: every receipt of
 * tests/vectors/receipts-pdf-fixtures.json as a PDF, and all of them packed in one zip with a text file.
 * Without PHP the test is skipped with a printed reason, except under CI where PHP is required.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReceiptDocument } from '../../backend-adapter/src/domain/receipts/types';
import { receiptFileName, renderReceiptPdf } from '../../backend-adapter/src/receipts/pdf';
import { zipStored } from '../../backend-adapter/src/receipts/zip';

const ROOT = join(__dirname, '../..');
const FIXTURES = join(ROOT, 'tests/vectors/receipts-pdf-fixtures.json');

interface Fixtures {
  cases: Array<{ name: string; record: { number: string; document: ReceiptDocument } }>;
  zip: { modifiedAt: string; extra: Array<{ name: string; text: string }> };
}

const fixtures = JSON.parse(readFileSync(FIXTURES, 'utf8')) as Fixtures;

const PHP_SCRIPT = `
require $argv[1] . '/backend-adapter/php/autoload.php';
use Guichet\\Adapter\\Receipts\\Pdf\\ReceiptPdf;
use Guichet\\Adapter\\Receipts\\Zip\\ZipWriter;
$fixtures = json_decode(file_get_contents($argv[2]), true, 512, JSON_THROW_ON_ERROR);
$pdfs = [];
$files = [];
foreach ($fixtures['cases'] as $case) {
    $pdf = ReceiptPdf::render($case['record']);
    $pdfs[$case['name']] = base64_encode($pdf);
    $files[] = ['name' => ReceiptPdf::fileName($case['record']['number']), 'data' => $pdf, 'modifiedAt' => $fixtures['zip']['modifiedAt']];
}
foreach ($fixtures['zip']['extra'] as $extra) {
    $files[] = ['name' => $extra['name'], 'data' => $extra['text'], 'modifiedAt' => new DateTimeImmutable($fixtures['zip']['modifiedAt'])];
}
echo json_encode(['pdfs' => $pdfs, 'zip' => base64_encode(ZipWriter::stored($files))]);
`;

function phpMissing(): string | null {
  try {
    execFileSync('php', ['-v'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'php is not on the PATH';
  }
}

const missing = phpMissing();
const runs = missing === null || process.env.CI === 'true';
if (!runs) console.log(`receipts-pdf-identity: skipped, ${missing} (required under CI=true)`);

function tsOutput(): { pdfs: Record<string, Buffer>; zip: Buffer } {
  const pdfs: Record<string, Buffer> = {};
  const files = fixtures.cases.map((c) => {
    const pdf = renderReceiptPdf(c.record);
    pdfs[c.name] = Buffer.from(pdf);
    return {
      name: receiptFileName(c.record.number),
      data: pdf,
      modifiedAt: new Date(fixtures.zip.modifiedAt),
    };
  });
  for (const extra of fixtures.zip.extra) {
    files.push({
      name: extra.name,
      data: new Uint8Array(Buffer.from(extra.text, 'utf8')),
      modifiedAt: new Date(fixtures.zip.modifiedAt),
    });
  }
  return { pdfs, zip: Buffer.from(zipStored(files)) };
}

function phpOutput(): { pdfs: Record<string, Buffer>; zip: Buffer } {
  const out = JSON.parse(
    execFileSync('php', ['-r', PHP_SCRIPT, ROOT, FIXTURES], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
  ) as { pdfs: Record<string, string>; zip: string };
  return {
    pdfs: Object.fromEntries(
      Object.entries(out.pdfs).map(([name, b64]) => [name, Buffer.from(b64, 'base64')]),
    ),
    zip: Buffer.from(out.zip, 'base64'),
  };
}

/** Where two byte strings first differ, with some context, so a failure says what diverged. */
function firstDifference(a: Buffer, b: Buffer): string | null {
  if (a.equals(b)) return null;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  const around = (x: Buffer): string =>
    JSON.stringify(x.subarray(Math.max(0, i - 40), i + 40).toString('latin1'));
  return `byte ${i} (lengths ${a.length} / ${b.length}): TS ${around(a)} PHP ${around(b)}`;
}

(runs ? describe : describe.skip)('receipt rendering: TypeScript and PHP give the same bytes', () => {
  const ts = tsOutput();
  const php = runs ? phpOutput() : { pdfs: {}, zip: Buffer.alloc(0) };

  it('renders every fixture', () => {
    expect(Object.keys(php.pdfs).sort()).toEqual(fixtures.cases.map((c) => c.name).sort());
    expect(fixtures.cases.length).toBeGreaterThanOrEqual(6);
  });

  it.each(fixtures.cases.map((c) => c.name))('%s: the same PDF', (name) => {
    const theirs = php.pdfs[name] ?? Buffer.alloc(0);
    expect(firstDifference(ts.pdfs[name] ?? Buffer.alloc(0), theirs)).toBeNull();
    expect(theirs.subarray(0, 9).toString('latin1')).toBe('%PDF-1.4\n');
  });

  it('the same zip of all of them', () => {
    expect(firstDifference(ts.zip, php.zip)).toBeNull();
    expect(php.zip.length).toBeGreaterThan(fixtures.cases.length * 1000);
  });
});
