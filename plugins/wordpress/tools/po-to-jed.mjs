// Turns the translations the block editor's scripts use (entries of a .po whose references point into src/)
// into the JED 1.x JSON files WordPress hands to @wordpress/i18n (what `wp i18n make-json` does; WP-CLI is not
// available offline). WordPress looks for <domain>-<locale>-<md5 of the script's path inside the plugin>.json
// (load_script_textdomain), so one file is written per built script.
//   node plugins/wordpress/tools/po-to-jed.mjs <languages-dir> <script path in the plugin>...
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @typedef {{ references: string[], fuzzy: boolean, msgctxt?: string, msgid?: string, msgid_plural?: string, msgstr: string[] }} PoEntry */

/** @param {string} text a .po file @returns {PoEntry[]} */
export function parsePo(text) {
  /** @type {PoEntry[]} */
  const entries = [];
  for (const block of text.split(/\r?\n\s*\r?\n/)) {
    /** @type {PoEntry} */
    const entry = { references: [], fuzzy: false, msgstr: [] };
    /** @type {{ key: string, index: number } | null} */
    let current = null;
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith('#:')) entry.references.push(...line.slice(2).trim().split(/\s+/));
      else if (line.startsWith('#,')) entry.fuzzy ||= line.includes('fuzzy');
      else if (line.startsWith('#')) continue;
      else {
        const keyed = /^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(".*")\s*$/.exec(line);
        const continued = /^\s*(".*")\s*$/.exec(line);
        if (keyed) {
          current = { key: keyed[1], index: Number(keyed[2] ?? 0) };
          append(entry, current, JSON.parse(keyed[3]));
        } else if (continued && current) append(entry, current, JSON.parse(continued[1]));
      }
    }
    if (entry.msgid !== undefined) entries.push(entry);
  }
  return entries;
}

/** @param {PoEntry} entry @param {{ key: string, index: number }} at @param {string} text */
function append(entry, at, text) {
  if (at.key === 'msgstr') entry.msgstr[at.index] = (entry.msgstr[at.index] ?? '') + text;
  else entry[/** @type {'msgctxt'|'msgid'|'msgid_plural'} */ (at.key)] = (entry[at.key] ?? '') + text;
}

/** The JED locale data of the translated, non-fuzzy entries that some source file under src/ uses. */
export function jedFor(entries, locale) {
  const header = entries.find((entry) => entry.msgid === '');
  const plural =
    /Plural-Forms:\s*([^\n]*)/.exec(header?.msgstr[0] ?? '')?.[1]?.trim() ?? 'nplurals=2; plural=n > 1;';
  /** @type {Record<string, unknown>} */
  const messages = { '': { domain: 'messages', lang: locale, 'plural-forms': plural } };
  for (const entry of entries) {
    if (!entry.msgid || entry.fuzzy || !entry.references.some((ref) => ref.startsWith('src/'))) continue;
    if (!entry.msgstr.some((text) => text)) continue;
    const key = entry.msgctxt === undefined ? entry.msgid : `${entry.msgctxt}\u0004${entry.msgid}`;
    messages[key] = entry.msgstr;
  }
  return { domain: 'messages', locale_data: { messages } };
}

/** The file name WordPress 6.x computes for a plugin script (md5 of its path relative to the plugin folder). */
export function jsonName(domain, locale, scriptPath) {
  return `${domain}-${locale}-${createHash('md5').update(scriptPath).digest('hex')}.json`;
}

/**
 * Writes one JSON per (locale, script) next to the .po files; returns the files written.
 * @param {string} languages folder with <domain>-<locale>.po @param {string[]} scripts paths relative to the plugin
 */
export function writeScriptTranslations(languages, scripts, domain = 'guichet') {
  const written = [];
  for (const po of readdirSync(languages)) {
    const locale = new RegExp(`^${domain}-(.+)\\.po$`).exec(po)?.[1];
    if (!locale) continue;
    const jed = jedFor(parsePo(readFileSync(join(languages, po), 'utf8')), locale);
    for (const script of scripts) {
      const name = join(languages, jsonName(domain, locale, script));
      writeFileSync(
        name,
        JSON.stringify({ ...jed, generator: 'guichet tools/po-to-jed.mjs', source: script }),
      );
      written.push(name);
    }
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [languages, ...scripts] = process.argv.slice(2);
  if (!languages || scripts.length === 0) {
    console.error(
      'usage: node plugins/wordpress/tools/po-to-jed.mjs <languages-dir> <script path in plugin>...',
    );
    process.exit(2);
  }
  for (const file of writeScriptTranslations(languages, scripts)) console.log(file);
}
