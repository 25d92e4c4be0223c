// The translatable strings of the blocks' block.json files as .pot entries, each with the gettext context
// WordPress translates it under (register_block_type reads block.json through wp-includes/block-i18n.json):
// "block title", "block description", "block keyword"… The schema is read from the WordPress tree the tests use
// (.cache/wordpress, fetched by tests/wp/fetch-wordpress.sh when absent), never copied into the repository.
//   node plugins/wordpress/tools/block-json-pot.mjs <block.json>... > strings.pot   (paths as the .pot cites them)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const SCHEMA = join(ROOT, '.cache/wordpress/wp-includes/block-i18n.json');

function coreSchema() {
  if (!existsSync(SCHEMA)) {
    execFileSync('sh', [join(ROOT, 'tests/wp/fetch-wordpress.sh')], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return JSON.parse(readFileSync(SCHEMA, 'utf8'));
}

/** @typedef {{ context: string, text: string }} BlockString */

export const I18N_SCHEMA = coreSchema();

/**
 * Walks a block.json value the way WordPress's translate_settings_using_i18n_schema() does: a string in the
 * schema is the context of the string found there, an array schema applies its one element to every item.
 * @param {unknown} schema @param {unknown} value @returns {BlockString[]}
 */
export function translatableStrings(schema, value) {
  if (typeof schema === 'string')
    return typeof value === 'string' && value !== '' ? [{ context: schema, text: value }] : [];
  if (Array.isArray(schema)) {
    return Array.isArray(value) && schema[0] !== undefined
      ? value.flatMap((item) => translatableStrings(schema[0], item))
      : [];
  }
  if (schema && typeof schema === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(schema).flatMap(([key, inner]) => translatableStrings(inner, value[key]));
  }
  return [];
}

/** A .po string literal (gettext's escapes; block.json strings are one line). @param {string} text */
const quote = (text) =>
  `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;

/**
 * The .pot of the given block.json files: one entry per (context, string), citing every file that holds it.
 * @param {{ path: string, json: unknown }[]} files
 */
export function blockJsonPot(files) {
  /** @type {Map<string, { context: string, text: string, references: string[] }>} */
  const entries = new Map();
  for (const { path, json } of files) {
    for (const { context, text } of translatableStrings(I18N_SCHEMA, json)) {
      const key = `${context}\u0004${text}`;
      const entry = entries.get(key) ?? { context, text, references: [] };
      if (!entry.references.includes(path)) entry.references.push(path);
      entries.set(key, entry);
    }
  }
  const header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n';
  const body = [...entries.values()].map(
    ({ context, text, references }) =>
      `#: ${references.join(' ')}\nmsgctxt ${quote(context)}\nmsgid ${quote(text)}\nmsgstr ""\n`,
  );
  return [header, ...body].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const paths = process.argv.slice(2);
  if (paths.length === 0) {
    console.error('usage: node plugins/wordpress/tools/block-json-pot.mjs <block.json>...');
    process.exit(2);
  }
  process.stdout.write(
    blockJsonPot(paths.map((path) => ({ path, json: JSON.parse(readFileSync(path, 'utf8')) }))),
  );
}
