// Every PHP file of the plugin parses (php -l), so a syntax error never reaches an association's site.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './wp-server';

const PLUGIN = join(ROOT, 'plugins/wordpress');

function phpFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory())
      return ['node_modules', 'build'].includes(entry.name) ? [] : phpFiles(join(dir, entry.name));
    return entry.name.endsWith('.php') ? [join(dir, entry.name)] : [];
  });
}

const files = phpFiles(PLUGIN);

test('the plugin has PHP files to check', () => {
  expect(files.map((file) => relative(PLUGIN, file))).toContain('guichet.php');
});

test.each(files.map((file) => [relative(PLUGIN, file), file]))('php -l %s', (_name, file) => {
  expect(execFileSync('php', ['-l', file], { encoding: 'utf8' })).toContain('No syntax errors');
});
