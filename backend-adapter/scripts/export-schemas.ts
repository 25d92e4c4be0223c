// Writes the protocol's JSON Schema document from the TypeBox source (a test fails when it is stale).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { protocolJsonSchema } from '../src/protocol/schemas';

export const SCHEMA_FILE = join(__dirname, '..', 'src', 'protocol', 'protocol-v1.schema.json');

export function renderSchemaFile(): string {
  return JSON.stringify(protocolJsonSchema(), null, 2) + '\n';
}

if (require.main === module) {
  writeFileSync(SCHEMA_FILE, renderSchemaFile());
  console.log(`wrote ${SCHEMA_FILE}`);
}
