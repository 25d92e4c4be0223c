import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReceiptDocument } from '../../../src/domain/receipts/types';

/** The shared receipt fixtures (tests/vectors/receipts-pdf-fixtures.json), also rendered by the PHP twin. */
export interface ReceiptFixture {
  name: string;
  record: { number: string; document: ReceiptDocument };
}

export const REPO_ROOT = join(__dirname, '../../../..');

const file = JSON.parse(
  readFileSync(join(REPO_ROOT, 'tests/vectors/receipts-pdf-fixtures.json'), 'utf8'),
) as {
  cases: ReceiptFixture[];
};

export function fixture(name: string): ReceiptFixture['record'] {
  const found = file.cases.find((c) => c.name === name);
  if (found === undefined) throw new Error(`No receipt fixture named ${name}`);
  return structuredClone(found.record);
}

export const FIXTURE_NAMES = file.cases.map((c) => c.name);
