// Reads docs/examples/protocol and validates messages against the committed JSON Schema, as a non-TypeScript host would.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
export const EXAMPLES_DIR = join(REPO_ROOT, 'docs', 'examples', 'protocol');
export const PROTOCOL_DOC = join(REPO_ROOT, 'docs', 'protocol.md');
export const SCHEMA_PATH = join(REPO_ROOT, 'backend-adapter', 'src', 'protocol', 'protocol-v1.schema.json');

interface SchemaDocument {
  $id: string;
  $defs: Record<string, unknown>;
}

export const schemaDocument = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as SchemaDocument;

export function exampleFiles(): string[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

export function readExampleText(file: string): string {
  return readFileSync(join(EXAMPLES_DIR, file), 'utf8');
}

export function readExample<T = Record<string, unknown>>(file: string): T {
  return JSON.parse(readExampleText(file)) as T;
}

/** `order-request.donation.json` → `OrderRequest`: the part before the first dot names the schema in kebab case. */
export function schemaNameOf(file: string): string {
  const stem = file.split('.')[0] ?? '';
  return stem
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

// strict: a keyword Ajv does not know would mean the file is not plain JSON Schema 2020-12 for other hosts.
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
ajv.addSchema(schemaDocument);

export function validatorFor(schemaName: string): ValidateFunction {
  const validate = ajv.getSchema(`${schemaDocument.$id}#/$defs/${schemaName}`);
  if (!validate) throw new Error(`no schema ${schemaName} in protocol-v1.schema.json`);
  return validate;
}

export function validate(schemaName: string, value: unknown): ErrorObject[] {
  const check = validatorFor(schemaName);
  return check(value) ? [] : [...(check.errors ?? [])];
}
