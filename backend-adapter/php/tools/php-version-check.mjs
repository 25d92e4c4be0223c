// Runs this adapter's PHPUnit suite under another PHP version through php-wasm (default 7.4, the oldest PHP the
// adapter supports), with Debian's PHPUnit 9.6 from /usr/share/php. Optional, not part of CI: it needs
// `@php-wasm/node` and `@php-wasm/node-7-4` (3.1.x), installed anywhere, e.g.
//   mkdir /tmp/php-wasm && cd /tmp/php-wasm && npm init -y && npm i @php-wasm/node@3.1.56 @php-wasm/node-7-4@3.1.56
//   PHP_WASM_MODULES=/tmp/php-wasm/node_modules node backend-adapter/php/tools/php-version-check.mjs 7.4
// Tests that start Node (the TypeScript cross-checks, the Stripe emulator) skip: php-wasm has no proc_open.
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const version = process.argv[2] ?? '7.4';
const modules =
  process.env.PHP_WASM_MODULES ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../node_modules');
const load = (name) => import(pathToFileURL(createRequire(`${modules}/`).resolve(name)).href);
const { loadNodeRuntime, createNodeFsMountHandler } = await load('@php-wasm/node');
const { PHP } = await load('@php-wasm/universal');

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const php = new PHP(await loadNodeRuntime(version, { emscriptenOptions: { processId: 1 } }));
await php.mount(repository, createNodeFsMountHandler(repository));
await php.mount('/usr/share/php', createNodeFsMountHandler('/usr/share/php'));
await php.mount('/tmp', createNodeFsMountHandler('/tmp'));
const code = `<?php
chdir('${repository}/backend-adapter/php');
set_include_path('.:/usr/share/php');
$_SERVER['argv'] = $GLOBALS['argv'] = ['phpunit', '-c', 'phpunit.xml.dist'];
$_SERVER['argc'] = count($_SERVER['argv']);
define('PHPUNIT_COMPOSER_INSTALL', '/usr/share/php/PHPUnit/Autoload.php');
require PHPUNIT_COMPOSER_INSTALL;
echo 'PHP ', PHP_VERSION, PHP_EOL;
echo 'exit status: ', PHPUnit\\TextUI\\Command::main(false), PHP_EOL;
`;
const result = await php.run({ code, throwOnError: false });
process.stdout.write(result.text);
process.stderr.write(result.errors ?? '');
process.exit(result.exitCode ?? 0);
