import { readFileSync } from 'node:fs';
import { ERROR_CODES, ERROR_STATUS, FIELD_ERROR_CODES, SIMULATION_CARDS } from '../../src/protocol';
import catalogue from '../../src/protocol/error-messages.json';
import { PROTOCOL_DOC, exampleFiles, readExampleText, schemaDocument } from './support/examples';
import { EXAMPLE_BLOCK, renderProtocolDoc } from './support/protocol-doc';

const doc = readFileSync(PROTOCOL_DOC, 'utf8');
const blocks = [...doc.matchAll(EXAMPLE_BLOCK)].map((m) => ({ file: m[1] ?? '', text: m[2] ?? '' }));
const rowsOf = (pattern: RegExp) => doc.split('\n').filter((line) => pattern.test(line));
const cells = (row: string) =>
  row
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim());

describe('docs/protocol.md', () => {
  it('introduces every JSON block with the example file it copies', () => {
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.length).toBe(doc.split('```json\n').length - 1);
  });

  it.each(blocks.map((block) => [block.file, block.text]))('copies %s exactly', (file, text) => {
    expect(text).toBe(readExampleText(file));
  });

  it('shows every example file', () => {
    const shown = new Set(blocks.map((block) => block.file));
    expect(exampleFiles().filter((file) => !shown.has(file))).toEqual([]);
  });

  it('has its generated parts up to date (run backend-adapter/test/protocol/support/protocol-doc.ts)', () => {
    expect(renderProtocolDoc(doc) === doc).toBe(true);
  });

  it('lists every error code with its HTTP status, level and both messages', () => {
    const rows = new Map(rowsOf(/^\| `[a-z_]+` \| (\d{3}|—) \|/).map((row) => [cells(row)[0], cells(row)]));
    expect([...rows.keys()].sort()).toEqual(ERROR_CODES.map((code) => `\`${code}\``).sort());
    for (const code of ERROR_CODES) {
      const [, status, level, fr, en] = rows.get(`\`${code}\``) ?? [];
      expect(status).toBe(String(ERROR_STATUS[code] ?? '—'));
      const field = (FIELD_ERROR_CODES as readonly string[]).includes(code);
      expect(level).toBe(field ? (ERROR_STATUS[code] ? 'both' : 'field') : 'request');
      expect([fr, en]).toEqual([catalogue.messages[code].fr, catalogue.messages[code].en]);
    }
  });

  it('documents every placeholder the catalogue uses', () => {
    const used = new Set(
      Object.values(catalogue.messages).flatMap(({ fr }) => [...fr.matchAll(/\{(\w+)\}/g)].map((m) => m[1])),
    );
    const documented = new Set(rowsOf(/^\| `\{\w+\}`\s+\|/).map((row) => cells(row)[0]?.slice(2, -2)));
    expect([...used].filter((name) => !documented.has(name))).toEqual([]);
  });

  it('gives the test cards of the reference table, in its order', () => {
    const rows = rowsOf(/^\| `\d{4} \d{4} \d{4} \d{4}` \|/).map(cells);
    expect(rows.map(([card, outcome]) => [card?.replace(/[` ]/g, ''), outcome?.replace(/`/g, '')])).toEqual(
      SIMULATION_CARDS.map((card) => [card.number, card.outcome]),
    );
  });

  it('names every message of the JSON Schema and every route', () => {
    for (const name of Object.keys(schemaDocument.$defs)) expect(doc).toContain(`\`${name}\``);
    for (const path of [
      '{base}/forms/{formId}',
      '{base}/forms/{formId}/orders',
      '{base}/orders/{orderId}?token=',
      '{base}/simulation/{orderId}/confirm',
      '{base}/simulation/{orderId}/challenge',
      '{base}/webhooks/{provider}',
    ]) {
      expect(doc).toContain(path);
    }
  });

  it('links only to headings that exist', () => {
    const slug = (heading: string) =>
      heading
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-');
    const anchors = new Set(rowsOf(/^#{1,6} /).map((line) => slug(line.replace(/^#+ /, ''))));
    const links = [...doc.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((link) => !anchors.has(link ?? ''))).toEqual([]);
  });
});
