/**
 * Receipt rendering figures, TypeScript and PHP side by side: size of one PDF, time to render one (mean of
 * many, after a warm-up), and time to pack a yearly zip of 500 receipts. Printed, never asserted.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { receiptFileName, renderReceiptPdf } from '../../../../src/receipts/pdf';
import { zipStored } from '../../../../src/receipts/zip';
import { REPO_ROOT, fixture } from '../fixtures';

const RUNS = 300;
const ZIP_FILES = 500;

function meanMs(run: () => void, count: number): number {
  for (let i = 0; i < 20; i += 1) run();
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) run();
  return Number(process.hrtime.bigint() - started) / 1e6 / count;
}

const PHP = `
require $argv[1] . '/backend-adapter/php/autoload.php';
use Guichet\\Adapter\\Receipts\\Pdf\\ReceiptPdf;
use Guichet\\Adapter\\Receipts\\Zip\\ZipWriter;
$cases = [];
foreach (json_decode(file_get_contents($argv[1] . '/tests/vectors/receipts-pdf-fixtures.json'), true)['cases'] as $c) {
    $cases[$c['name']] = $c['record'];
}
$out = [];
foreach (['individual-payment', 'company-payment'] as $name) {
    for ($i = 0; $i < 20; $i++) { ReceiptPdf::render($cases[$name]); }
    $t = hrtime(true);
    for ($i = 0; $i < (int) $argv[2]; $i++) { $pdf = ReceiptPdf::render($cases[$name]); }
    $out[$name] = ['ms' => (hrtime(true) - $t) / 1e6 / (int) $argv[2], 'bytes' => strlen($pdf)];
}
$pdf = ReceiptPdf::render($cases['individual-payment']);
$files = [];
for ($i = 1; $i <= (int) $argv[3]; $i++) {
    $files[] = ['name' => ReceiptPdf::fileName(sprintf('2026-%05d', $i)), 'data' => $pdf, 'modifiedAt' => '2027-01-15T10:00:00.000Z'];
}
$t = hrtime(true);
$zip = ZipWriter::stored($files);
$out['zip'] = ['ms' => (hrtime(true) - $t) / 1e6, 'bytes' => strlen($zip)];
echo json_encode($out);
`;

for (const name of ['individual-payment', 'company-payment']) {
  const record = fixture(name);
  const bytes = renderReceiptPdf(record).length;
  const ms = meanMs(() => renderReceiptPdf(record), RUNS);
  console.log(`receipt-pdf-size ${name}: ${bytes} bytes (target < 50000)`);
  console.log(`receipt-pdf-render-ts ${name}: ${ms.toFixed(3)} ms (target < 20)`);
}

const pdf = renderReceiptPdf(fixture('individual-payment'));
const files = Array.from({ length: ZIP_FILES }, (_, i) => ({
  name: receiptFileName(`2026-${String(i + 1).padStart(5, '0')}`),
  data: pdf,
  modifiedAt: new Date('2027-01-15T10:00:00.000Z'),
}));
const zipStarted = process.hrtime.bigint();
const zip = zipStored(files);
const zipMs = Number(process.hrtime.bigint() - zipStarted) / 1e6;
console.log(
  `receipt-zip-ts ${ZIP_FILES} receipts: ${zipMs.toFixed(1)} ms, ${zip.length} bytes (target < 1000 ms)`,
);

try {
  const php = JSON.parse(
    execFileSync('php', ['-r', PHP, REPO_ROOT, String(RUNS), String(ZIP_FILES)], {
      encoding: 'utf8',
      cwd: join(REPO_ROOT),
      maxBuffer: 64 * 1024 * 1024,
    }),
  ) as Record<string, { ms: number; bytes: number }>;
  for (const name of ['individual-payment', 'company-payment']) {
    console.log(`receipt-pdf-render-php ${name}: ${php[name]?.ms.toFixed(3)} ms (target < 20)`);
  }
  console.log(
    `receipt-zip-php ${ZIP_FILES} receipts: ${php.zip?.ms.toFixed(1)} ms, ${php.zip?.bytes} bytes (target < 1000 ms)`,
  );
} catch (error) {
  console.log(`receipt-pdf-render-php: not measured (${(error as Error).message.split('\n')[0]})`);
}
