// Shorter catalogue keys in the built widgets. A form's chunk names each of its ~90 strings twice: in the
// catalogue (`coverCosts: "J'ajoute…"`) and where it is shown (`t('coverCosts')`). Gzip folds the second
// mention, not the first, so the names cost ~0.3 KB gzipped. The sources keep their readable names; the build
// gives every key a one- or two-letter one, found with TypeScript's checker rather than by text: a literal is
// renamed only where its type is TextKey or PluralKey (so `type: 'email'` stays while `t('email')` changes).
// Keys that reach t() from data (an order's status, a tier's period, a payment method) keep their names, since
// the data says them. A key the checker cannot follow (cast from a plain string) stops the build.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

/** One- then two-letter names, so the most used keys get the shortest. */
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const shortName = (n) =>
  n < LETTERS.length ? LETTERS[n] : LETTERS[Math.floor(n / LETTERS.length) - 1] + LETTERS[n % LETTERS.length];

/** The union type a type alias of catalogue.ts declares (TextKey, PluralKey). */
function aliasType(checker, file, name) {
  const declaration = file.statements.find((s) => ts.isTypeAliasDeclaration(s) && s.name.text === name);
  if (!declaration) throw new Error(`short-keys: no type ${name} in ${file.fileName}`);
  return checker.getTypeAtLocation(declaration.name);
}

const literalValues = (type) =>
  (type.isUnion() ? type.types : [type]).map((member) => (member.isStringLiteral() ? member.value : null));

/**
 * The renaming for the widgets' sources: `edits` per absolute file path (each a list of {start, end, text},
 * text replacing source[start, end)), and the map itself (for the tests and the report).
 */
export function shortKeys(widgetsRoot) {
  const configPath = join(widgetsRoot, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  const program = ts.createProgram({
    rootNames: config.fileNames,
    options: { ...config.options, noEmit: true },
  });
  const checker = program.getTypeChecker();
  const src = resolve(widgetsRoot, 'src');
  const catalogue = program.getSourceFile(join(src, 'i18n/catalogue.ts'));
  const keyTypes = [aliasType(checker, catalogue, 'TextKey'), aliasType(checker, catalogue, 'PluralKey')];
  const allKeys = new Set(keyTypes.flatMap(literalValues));
  const isKeyType = (type) => type && keyTypes.includes(checker.getNonNullableType(type));

  const renamed = []; // [file, node] of literals to rename
  const kept = new Set();
  const files = program.getSourceFiles().filter((f) => f.fileName.startsWith(src) && !f.isDeclarationFile);
  for (const file of files) {
    const visit = (node) => {
      if (ts.isExpression(node) && isKeyType(checker.getContextualType(node))) {
        if (ts.isStringLiteralLike(node)) renamed.push([file, node]);
        // A choice between keys is not one: its branches are visited below, with the key type too.
        else if (
          !ts.isConditionalExpression(node) &&
          !ts.isParenthesizedExpression(node) &&
          !isKeyType(checker.getTypeAtLocation(node))
        ) {
          // A narrower union than the key type: keys the data names (statuses, periods, methods…).
          const type = checker.getNonNullableType(checker.getTypeAtLocation(node));
          const values = type.flags & ts.TypeFlags.Never ? [] : literalValues(type);
          if (values.includes(null)) {
            const { line } = file.getLineAndCharacterOfPosition(node.getStart());
            throw new Error(
              `short-keys: a catalogue key from a non-literal type at ${file.fileName}:${line + 1}`,
            );
          }
          for (const value of values) kept.add(value);
        }
      }
      if (ts.isAsExpression(node) && isKeyType(checker.getTypeAtLocation(node.type))) {
        const { line } = file.getLineAndCharacterOfPosition(node.getStart());
        throw new Error(`short-keys: a cast to a catalogue key at ${file.fileName}:${line + 1}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  // Most used first, so they get one letter.
  const uses = new Map();
  for (const [, node] of renamed)
    if (!kept.has(node.text)) uses.set(node.text, (uses.get(node.text) ?? 0) + 1);
  const names = new Map(
    [...allKeys]
      .filter((key) => !kept.has(key))
      .sort((a, b) => (uses.get(b) ?? 0) - (uses.get(a) ?? 0) || a.localeCompare(b))
      .map((key, n) => [key, shortName(n)]),
  );
  // A short name must not be a key that keeps its name.
  for (const short of names.values())
    if (kept.has(short)) throw new Error(`short-keys: ${short} is a kept key`);

  const edits = new Map();
  const edit = (file, start, end, text) => {
    const list = edits.get(file.fileName) ?? [];
    list.push({ start, end, text });
    edits.set(file.fileName, list);
  };
  for (const [file, node] of renamed) {
    const short = names.get(node.text);
    if (short) edit(file, node.getStart(), node.getEnd(), JSON.stringify(short));
  }
  // The catalogues: the top-level properties of each exported group object of i18n/<lang>.ts.
  for (const file of files.filter((f) => /[\\/]i18n[\\/](fr|en)\.ts$/.test(f.fileName))) {
    for (const statement of file.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        let init = declaration.initializer;
        while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression;
        if (!init || !ts.isObjectLiteralExpression(init)) continue;
        for (const property of init.properties) {
          if (!ts.isPropertyAssignment(property)) continue;
          const key =
            ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : null;
          const short = key && names.get(key);
          if (short) edit(file, property.name.getStart(), property.name.getEnd(), short);
        }
      }
    }
  }
  return { edits, names, kept };
}

/** `source` with the edits of its file applied (from the end, so earlier offsets stay right). */
export function applyEdits(source, list = []) {
  let text = source;
  for (const { start, end, text: replacement } of [...list].sort((a, b) => b.start - a.start))
    text = text.slice(0, start) + replacement + text.slice(end);
  return text;
}

/** The transformed source of a widgets file, or the file as is: for the esbuild plugins that load sources. */
export function shortKeysTransform(widgetsRoot) {
  const { edits } = shortKeys(widgetsRoot);
  return (file, source) => applyEdits(source, edits.get(resolve(file)));
}

/** esbuild plugin for the sources loaded as files (the simulation's chunk); packs load theirs in private-packs. */
export function shortKeysPlugin(transform) {
  return {
    name: 'guichet-short-keys',
    setup(build) {
      build.onLoad({ filter: /[\\/]shared-widgets[\\/]src[\\/].*\.ts$/ }, (args) => ({
        contents: transform(args.path, readFileSync(args.path, 'utf8')),
        loader: 'ts',
      }));
    },
  };
}
