// esbuild plugins giving the widgets' bundle a compact copy of the domain's data tables. The domain's files stay
// the single source: each plugin reads them at build time and fails the build when their shape has changed.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The string literals of `const NAME = '…' + '…';` in a source file, joined. */
function constantText(source, name, file) {
  const statement = new RegExp(`const ${name} =([^;]*);`).exec(source)?.[1];
  if (!statement)
    throw new Error(`${file}: no \`const ${name} = '…';\` any more, update tools/domain-data.mjs`);
  return [...statement.matchAll(/'([^']*)'/g)].map((match) => match[1]).join('');
}

function replaceConstant(source, name, file, expression) {
  constantText(source, name, file);
  return source.replace(new RegExp(`const ${name} =[^;]*;`), `const ${name} = ${expression};`);
}

/**
 * The 250 country codes (about 600 bytes gzipped as text) become the gaps between their places in AA…ZZ, one
 * letter each (a = the next place, b = one skipped…), decoded back to the same space-separated text when the
 * chunk runs. Most gaps are 1 or 2, which gzip codes in a few bits: 45 to 60 bytes per form fewer than the
 * same set as a 676-bit map in base64.
 */
export const compactCountries = {
  name: 'guichet-compact-countries',
  setup(build) {
    build.onLoad({ filter: /domain[\\/]validation[\\/]countries\.ts(#[\w-]+)?$/ }, (args) => {
      const file = args.path.replace(/#.*$/, '');
      const source = readFileSync(file, 'utf8');
      const codes = constantText(source, 'CODES', args.path).trim().split(/\s+/);
      let previous = -1;
      const gaps = codes
        .map((code) => {
          if (!/^[A-Z]{2}$/.test(code)) throw new Error(`${args.path}: unexpected country code ${code}`);
          return (code.charCodeAt(0) - 65) * 26 + code.charCodeAt(1) - 65;
        })
        .sort((a, b) => a - b)
        .map((index) => {
          const gap = index - previous;
          previous = index;
          if (gap < 1) throw new Error(`${args.path}: country code listed twice`);
          // Gaps up to 30 are a…~; a larger one would still decode, as an escaped character.
          return String.fromCharCode(96 + gap);
        })
        .join('');
      // Pure, like the sets countries.ts builds from it: a form that never lists countries drops it all.
      const decode = `/* @__PURE__ */ ((at) => [...'${gaps}'].map((c) =>
        String.fromCharCode(65 + (at += c.charCodeAt(0) - 96) / 26, 65 + (at % 26))).join(' '))(-1)`;
      return {
        contents: replaceConstant(source, 'CODES', args.path, decode),
        loader: 'ts',
        resolveDir: dirname(file),
      };
    });
  },
};

/**
 * The widgets read amounts in the currency of a form definition the host has already checked against the
 * full table, so they only need the currencies whose minor unit is not hundredths: every other one is 2.
 * (The full list of two-decimal codes is about 400 bytes gzipped.) The module becomes those few codes as an
 * object literal, smaller than the lists and the loop filling a table from them.
 */
export const compactCurrencies = {
  name: 'guichet-compact-currencies',
  setup(build) {
    build.onLoad({ filter: /domain[\\/]currencies\.ts(#[\w-]+)?$/ }, (args) => {
      const source = readFileSync(args.path.replace(/#.*$/, ''), 'utf8');
      // The lists and their exponents as currencies.ts pairs them: `[ZERO_DECIMAL, 0],`…
      const lists = [...source.matchAll(/\[(\w+_DECIMAL), (\d)\]/g)];
      if (!lists.some(([, name, exponent]) => name === 'TWO_DECIMAL' && exponent === '2'))
        throw new Error(`${args.path}: no \`[TWO_DECIMAL, 2]\` any more, update tools/domain-data.mjs`);
      if (!/export const CURRENCY_EXPONENTS\b/.test(source))
        throw new Error(`${args.path}: no CURRENCY_EXPONENTS any more, update tools/domain-data.mjs`);
      const others = Object.fromEntries(
        lists
          .filter(([, , exponent]) => exponent !== '2')
          .flatMap(([, name, exponent]) =>
            constantText(source, name, args.path)
              .split(' ')
              .map((code) => [code, Number(exponent)]),
          ),
      );
      const table = JSON.stringify(others);
      return {
        contents: `export const CURRENCY_EXPONENTS = new Proxy(${table}, { get: (known, code) => known[code] ?? 2 });`,
        loader: 'js',
      };
    });
  },
};
