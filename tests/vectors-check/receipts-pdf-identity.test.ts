/**
 * The TypeScript and PHP receipt renderers give the same bytes: every receipt of
 * tests/vectors/receipts-pdf-fixtures.json as a PDF, all of them packed in one zip with a text file, and every
 * document the domain builds in tests/vectors/receipts-documents.json (buildReceiptDocument's expectations).
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

const DOCUMENTS = join(ROOT, 'tests/vectors/receipts-documents.json');

const fixtures = JSON.parse(readFileSync(FIXTURES, 'utf8')) as Fixtures;

/** The documents buildReceiptDocument is expected to build, as more real-world inputs. */
const built = (
  JSON.parse(readFileSync(DOCUMENTS, 'utf8')) as {
    cases: Array<{ name: string; fn: string; expected: unknown }>;
  }
).cases.flatMap((c) =>
  c.fn === 'buildReceiptDocument' && c.expected !== null && typeof c.expected === 'object'
    ? [{ name: c.name, document: c.expected as ReceiptDocument }]
    : [],
);

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
$built = [];
foreach (json_decode(file_get_contents($argv[3]), true, 512, JSON_THROW_ON_ERROR)['cases'] as $case) {
    if ($case['fn'] === 'buildReceiptDocument' && is_array($case['expected'] ?? null)) {
        $built[$case['name']] = base64_encode(ReceiptPdf::render(['number' => '2026-00001', 'document' => $case['expected']]));
    }
}
echo json_encode(['pdfs' => $pdfs, 'zip' => base64_encode(ZipWriter::stored($files)), 'built' => $built]);
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

type Output = { pdfs: Record<string, Buffer>; zip: Buffer; built: Record<string, Buffer> };

function tsOutput(): Output {
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
  const builtPdfs = Object.fromEntries(
    built.map((b) => [b.name, Buffer.from(renderReceiptPdf({ number: '2026-00001', document: b.document }))]),
  );
  return { pdfs, zip: Buffer.from(zipStored(files)), built: builtPdfs };
}

function decode(map: Record<string, string>): Record<string, Buffer> {
  return Object.fromEntries(Object.entries(map).map(([name, b64]) => [name, Buffer.from(b64, 'base64')]));
}

function phpOutput(): Output {
  const out = JSON.parse(
    execFileSync('php', ['-r', PHP_SCRIPT, ROOT, FIXTURES, DOCUMENTS], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
  ) as { pdfs: Record<string, string>; zip: string; built: Record<string, string> };
  return { pdfs: decode(out.pdfs), zip: Buffer.from(out.zip, 'base64'), built: decode(out.built) };
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
  const php = runs ? phpOutput() : { pdfs: {}, zip: Buffer.alloc(0), built: {} };

  it('renders every fixture', () => {
    expect(Object.keys(php.pdfs).sort()).toEqual(fixtures.cases.map((c) => c.name).sort());
    expect(fixtures.cases.length).toBeGreaterThanOrEqual(6);
  });

  it.each(fixtures.cases.map((c) => c.name))('%s: the same PDF', (name) => {
    const theirs = php.pdfs[name] ?? Buffer.alloc(0);
    expect(firstDifference(ts.pdfs[name] ?? Buffer.alloc(0), theirs)).toBeNull();
    expect(theirs.subarray(0, 9).toString('latin1')).toBe('%PDF-1.4\n');
  });

  it.each(built.map((b) => b.name))('built by the domain, %s: the same PDF', (name) => {
    expect(firstDifference(ts.built[name] ?? Buffer.alloc(0), php.built[name] ?? Buffer.alloc(1))).toBeNull();
  });

  it('renders every document the domain vectors build', () => {
    expect(built.length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(php.built).sort()).toEqual(built.map((b) => b.name).sort());
  });

  it('the same zip of all of them', () => {
    expect(firstDifference(ts.zip, php.zip)).toBeNull();
    expect(php.zip.length).toBeGreaterThan(fixtures.cases.length * 1000);
  });
});
