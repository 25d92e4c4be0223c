import { readFileSync } from 'node:fs';
import { SCHEMA_FILE, renderSchemaFile } from '../../scripts/export-schemas';
import { PROTOCOL_SCHEMAS, PROTOCOL_VERSION } from '../../src/protocol';

/** First line where the committed file and the TypeBox source part ways, or null when they are the same. */
function firstDifference(committed: string, rendered: string): string | null {
  if (committed === rendered) return null;
  const a = committed.split('\n');
  const b = rendered.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}: committed ${JSON.stringify(a[at])}, source gives ${JSON.stringify(b[at])}`;
}

describe('protocol-v1.schema.json', () => {
  const committed = readFileSync(SCHEMA_FILE, 'utf8');

  it('is what the TypeBox source generates (run `npm run -w backend-adapter schemas` after a change)', () => {
    expect(firstDifference(committed, renderSchemaFile())).toBeNull();
  });

  it('names every protocol message under $defs, with its own title', () => {
    const document = JSON.parse(committed) as { $id: string; $defs: Record<string, { title?: string }> };
    expect(Object.keys(document.$defs).sort()).toEqual(Object.keys(PROTOCOL_SCHEMAS).sort());
    for (const [name, schema] of Object.entries(document.$defs)) expect(schema.title).toBe(name);
    expect(document.$id).toContain(`/v${PROTOCOL_VERSION}.schema.json`);
  });

  it('the difference finder points at the first changed line', () => {
    expect(firstDifference('a\nb\nc', 'a\nx\nc')).toBe('line 2: committed "b", source gives "x"');
    expect(firstDifference('a\n', 'a\nb\n')).toBe('line 2: committed "", source gives "b"');
  });
});
