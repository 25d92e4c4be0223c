import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..', 'src', 'domain');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

// Widgets import domain rules into browser bundles: a value import of the protocol would drag TypeBox along,
// and any I/O module would make the rules impure.
describe('domain sources', () => {
  const files = sources(root);

  it.each(files.map((file) => [relative(root, file), file]))(
    '%s imports the protocol for types only',
    (_name, file) => {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(/import\s+(?!type\b)[^;]*from\s+'(\.\.\/)+protocol(\/[a-z-]+)?'/);
    },
  );

  it.each(files.map((file) => [relative(root, file), file]))(
    '%s does no I/O and reads no clock',
    (_name, file) => {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(/from\s+'node:|require\(|Date\.now\(|new Date\(\)|process\./);
    },
  );
});
