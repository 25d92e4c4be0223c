// Assembles the installable plugin folder: the plugin's own PHP, its built blocks, the shared PHP adapter
// embedded under vendor-guichet/ (with the JSON data files it reads) and the widget bundle under assets/widgets/.
// The release zip, the test harness and the demo site all install this folder; nothing copied is committed.
//   node plugins/wordpress/tools/stage-plugin.mjs <target-dir>
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { writeScriptTranslations } from './po-to-jed.mjs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PLUGIN = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(PLUGIN, '../..');
const ADAPTER = join(ROOT, 'backend-adapter');

/** Shared data the PHP adapter finds in its data/ folder once it is outside the repository (DataFiles.php). */
const DATA_FILES = {
  'error-messages.json': 'src/protocol/error-messages.json',
  'tax-rules.json': 'src/domain/tax/tax-rules.json',
  'simulation-cards.json': 'src/protocol/simulation-cards.json',
  // The receipts' PDF writer wraps lines by these glyph widths (Receipts\Pdf\HelveticaWidths).
  'helvetica-widths.json': 'src/receipts/pdf/helvetica-widths.json',
};

const PLUGIN_PARTS = ['guichet.php', 'uninstall.php', 'readme.txt', 'includes', 'languages', 'build'];

/** @param {string} target the folder to (re)create, e.g. wp-content/plugins/guichet */
export function stagePlugin(target) {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const part of PLUGIN_PARTS) {
    const from = join(PLUGIN, part);
    if (existsSync(from)) cpSync(from, join(target, part), { recursive: true });
  }
  compileTranslations(join(target, 'languages'));
  translateScripts(target);
  const vendor = join(target, 'vendor-guichet');
  cpSync(join(ADAPTER, 'php/autoload.php'), join(vendor, 'autoload.php'));
  cpSync(join(ADAPTER, 'php/src'), join(vendor, 'src'), { recursive: true });
  for (const [name, source] of Object.entries(DATA_FILES)) {
    cpSync(join(ADAPTER, source), join(vendor, 'data', name));
  }
  const widgets = join(ROOT, 'shared-widgets/dist');
  if (existsSync(join(widgets, 'guichet.js'))) {
    const assets = join(target, 'assets/widgets');
    cpSync(join(widgets, 'guichet.js'), join(assets, 'guichet.js'));
    cpSync(join(widgets, 'guichet.css'), join(assets, 'guichet.css'));
    if (existsSync(join(widgets, 'chunks'))) {
      cpSync(join(widgets, 'chunks'), join(assets, 'chunks'), {
        recursive: true,
        filter: (source) => !source.endsWith('.map'),
      });
    }
  }
  return target;
}

/** languages/*.po → .mo with GNU msgfmt (Debian package gettext); without it the plugin runs in English. */
function compileTranslations(dir) {
  if (!existsSync(dir)) return;
  for (const po of readdirSync(dir).filter((name) => name.endsWith('.po'))) {
    const result = spawnSync('msgfmt', ['-o', join(dir, po.replace(/\.po$/, '.mo')), join(dir, po)]);
    if (result.error || result.status !== 0)
      console.warn(`stage-plugin: ${po} not compiled (msgfmt missing or failed)`);
  }
}

/** The editor scripts' translations as JED JSON (languages/guichet-<locale>-<md5>.json), one per built block script. */
function translateScripts(target) {
  const blocks = join(target, 'build/blocks');
  if (!existsSync(blocks) || !existsSync(join(target, 'languages'))) return;
  const scripts = readdirSync(blocks)
    .map((kind) => `build/blocks/${kind}/index.js`)
    .filter((script) => existsSync(join(target, script)));
  writeScriptTranslations(join(target, 'languages'), scripts);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: node plugins/wordpress/tools/stage-plugin.mjs <target-dir>');
    process.exit(2);
  }
  console.log(stagePlugin(resolve(target)));
}
