/**
 * @jest-environment node
 */
// The build's key renaming (tools/short-keys.mjs) on a small widget-shaped project: what it renames, what it must
// leave alone (a literal that only looks like a key, keys the data names), and what it refuses.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const TOOL = join(__dirname, '../../tools/short-keys.mjs');

const CATALOGUE = `
import type * as French from './fr';
type Reference = typeof French.default;
export type TextKey = { [K in keyof Reference]: Reference[K] extends string ? K : never }[keyof Reference];
export type PluralKey = Exclude<keyof Reference, TextKey>;
`;
const FRENCH = `
export const common = { email: 'E-mail', paid: 'Payé', failed: 'Échec', thanks: 'Merci {name}' };
export const tickets = { left: { one: '# place', other: '# places' } };
const fr = { ...common, ...tickets };
export default fr;
`;
const VIEW = `
import type { PluralKey, TextKey } from './i18n/catalogue';
declare function t(key: TextKey): string;
declare function n(key: PluralKey, count: number): string;
export const input = { type: 'email', label: t('email') };
export const status = (s: 'paid' | 'failed') => t(s);
export const greeting = (formal: boolean) => t(formal ? 'thanks' : 'email') + n('left', 2);
`;

/** Writes the project, runs the tool in a child Node (it is an ES module), returns each file as the build loads it. */
function renamed(view: string): Record<string, string> {
  const root = mkdtempSync(join(tmpdir(), 'short-keys-'));
  try {
    const files: Record<string, string> = {
      'tsconfig.json': JSON.stringify({
        compilerOptions: { strict: true, module: 'ESNext', moduleResolution: 'Bundler', target: 'ES2022' },
        include: ['src'],
      }),
      'src/i18n/catalogue.ts': CATALOGUE,
      'src/i18n/fr.ts': FRENCH,
      'src/view.ts': view,
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, name)), { recursive: true });
      writeFileSync(join(root, name), text);
    }
    const script = `
      import { readFileSync } from 'node:fs';
      import { shortKeysTransform } from ${JSON.stringify(TOOL)};
      const transform = shortKeysTransform(${JSON.stringify(root)});
      const out = {};
      for (const name of ['src/i18n/fr.ts', 'src/view.ts']) {
        const file = ${JSON.stringify(root)} + '/' + name;
        out[name] = transform(file, readFileSync(file, 'utf8'));
      }
      console.log(JSON.stringify(out));`;
    return JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        encoding: 'utf8',
        stdio: 'pipe',
      }),
    ) as Record<string, string>;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('short catalogue keys', () => {
  const out = renamed(VIEW);
  const view = out['src/view.ts'] ?? '';
  const french = out['src/i18n/fr.ts'] ?? '';

  it('renames a key where it is looked up and where it is defined, alike', () => {
    const short = /label: t\("(\w+)"\)/.exec(view)?.[1];
    expect(short).toBeDefined();
    expect(short!.length).toBeLessThanOrEqual(2);
    expect(french).toContain(`${short}: 'E-mail'`);
    // Plural keys too, in the call and in the catalogue.
    const plural = /n\("(\w+)", 2\)/.exec(view)?.[1];
    expect(french).toContain(`${plural}: { one:`);
  });

  it('leaves a literal that only looks like a key', () => {
    expect(view).toContain("type: 'email'");
  });

  it('keeps the names of keys the data gives (an order status), in the catalogue too', () => {
    expect(view).toContain('t(s)');
    expect(french).toContain("paid: 'Payé'");
    expect(french).toContain("failed: 'Échec'");
  });

  it('renames both branches of a key chosen by a condition', () => {
    expect(view).toMatch(/t\(formal \? "\w{1,2}" : "\w{1,2}"\)/);
  });

  it('refuses a key cast from a plain string, which it could not follow', () => {
    expect(() => renamed(`${VIEW}\nexport const any = (s: string) => t(s as TextKey);\n`)).toThrow(
      /a cast to a catalogue key/,
    );
  });
});
