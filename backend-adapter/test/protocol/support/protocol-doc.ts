// Keeps docs/protocol.md in step with its sources: example blocks, the error catalogue table, the test-card table.
// `npx tsx backend-adapter/test/protocol/support/protocol-doc.ts` rewrites the generated parts in place;
// backend-adapter/test/protocol/protocol-doc.test.ts fails whenever they differ from what this would write.
import { readFileSync, writeFileSync } from 'node:fs';
import { ERROR_CODES, ERROR_STATUS, FIELD_ERROR_CODES } from '../../../src/protocol/errors';
import {
  SIMULATION_CARDS,
  SIMULATION_CHALLENGE_REFUSED,
  SIMULATION_OTHER_CARD,
} from '../../../src/protocol/simulation-cards';
import catalogue from '../../../src/protocol/error-messages.json';
import { PROTOCOL_DOC, readExampleText } from './examples';

/** `<!-- example: name.json -->`, blank lines, then a ```json block: the block holds the file's text. */
export const EXAMPLE_BLOCK = /<!-- example: ([\w.-]+\.json) -->\n+```json\n([\s\S]*?)```/g;

export function fillExamples(doc: string, read: (file: string) => string = readExampleText): string {
  return doc.replace(EXAMPLE_BLOCK, (_whole, file: string) => {
    return `<!-- example: ${file} -->\n\`\`\`json\n${read(file)}\`\`\``;
  });
}

export function levelOf(code: string): 'request' | 'field' | 'both' {
  const field = (FIELD_ERROR_CODES as readonly string[]).includes(code);
  const status = (ERROR_STATUS as Record<string, number | undefined>)[code];
  if (field && status !== undefined) return 'both';
  return field ? 'field' : 'request';
}

export function renderErrorTable(): string {
  const rows = ERROR_CODES.map((code) => {
    const status = ERROR_STATUS[code];
    const { fr, en } = catalogue.messages[code];
    return `| \`${code}\` | ${status ?? '—'} | ${levelOf(code)} | ${fr} | ${en} |`;
  });
  return ['| Code | HTTP | Level | Français | English |', '| --- | --- | --- | --- | --- |', ...rows].join(
    '\n',
  );
}

const spaced = (number: string) => number.replace(/(\d{4})(?=\d)/g, '$1 ');
const code = (text: string | undefined) => (text === undefined ? '—' : `\`${text}\``);

export function renderCardTable(): string {
  const rows = SIMULATION_CARDS.map(
    (card) =>
      `| \`${spaced(card.number)}\` | \`${card.outcome}\` | ${code(card.failureCode)} | ${code(card.reason)} | ` +
      `${card.description.en} | ${card.description.fr} |`,
  );
  const other = SIMULATION_OTHER_CARD;
  const refused = SIMULATION_CHALLENGE_REFUSED;
  rows.push(
    `| any other number | \`${other.outcome}\` | ${code(other.failureCode)} | ${code(other.reason)} | ` +
      'Declined, so a mistyped number never pays. | Refusée : un numéro mal saisi ne paie jamais. |',
    `| challenge refused | \`${refused.outcome}\` | ${code(refused.failureCode)} | ${code(refused.reason)} | ` +
      'The payer refused the 3-D Secure step. | Le payeur a refusé l’étape 3-D Secure. |',
  );
  return [
    '| Card | Outcome | `failure.code` | `reason` | Behaviour | Comportement |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function fillSection(doc: string, name: string, content: string): string {
  const pattern = new RegExp(`<!-- ${name}:start -->[\\s\\S]*?<!-- ${name}:end -->`);
  if (!pattern.test(doc)) throw new Error(`docs/protocol.md has no ${name} section`);
  return doc.replace(pattern, `<!-- ${name}:start -->\n${content}\n<!-- ${name}:end -->`);
}

/** The document with every generated part as its sources give it. */
export function renderProtocolDoc(doc: string): string {
  let result = fillExamples(doc);
  result = fillSection(result, 'error-table', renderErrorTable());
  result = fillSection(result, 'test-cards', renderCardTable());
  return result;
}

if (require.main === module) {
  const doc = readFileSync(PROTOCOL_DOC, 'utf8');
  writeFileSync(PROTOCOL_DOC, renderProtocolDoc(doc));
  console.log(`wrote ${PROTOCOL_DOC}`);
}
