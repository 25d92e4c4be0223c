// The steps of `npm test`, in the order they run. To add a suite, add an entry:
//
//   {
//     name: 'browser',                        // `npm test -- --only browser`; 'lint:x' also answers to 'lint'
//     about: 'journeys in headless Chromium', // printed in the step header
//     needs: ['browser'],                     // Debian package sets from ensure.mjs (APT_SETS): installed when
//                                             // we can; otherwise the step is SKIPPED, or FAILED under CI=true
//     wants: [],                              // sets installed when we can, never a reason to skip
//     requires: ['build'],                    // steps that must run first, even under --only
//     present: () => files().length > 0 || 'no browser tests yet', // true, or why the step does not apply
//     run: async (ctx) => nodeTest(ctx, files()), // resolves { passed, failed, skipped, note? }
//   }
//
// `ctx.exec(cmd, args, opts)` runs a command within the step's time limit (its process group is killed on
// timeout or Ctrl-C); `ctx.tmp` is a scratch directory; `ctx.args` holds what followed `--` on the command line.
// A step that counts nothing itself returns `check(result)`: one passed or one failed test.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { build } from './build.mjs';
import { findFiles } from './files.mjs';
import { ROOT, bin } from './proc.mjs';

/** One test for a command that only succeeds or fails (build, type check, lint). */
export const check = ({ code }) => (code === 0 ? { passed: 1 } : { failed: 1, note: `exit ${code}` });

/** Jest, reading the counts from its JSON report while its usual output streams to the terminal. */
const jest =
  (config = []) =>
  async (ctx) => {
    const report = join(ctx.tmp, 'jest.json');
    const args = [...config, '--ci', '--passWithNoTests', '--json', `--outputFile=${report}`, ...ctx.args];
    const { code } = await ctx.exec(bin('jest'), args);
    if (!existsSync(report)) return { failed: 1, note: `jest exited ${code} without a report` };
    const r = JSON.parse(readFileSync(report, 'utf8'));
    // A test file that cannot even load (syntax error, bad import) has no failed test: count it as one.
    const failed = r.numFailedTests + r.numRuntimeErrorTestSuites;
    const counts = { passed: r.numPassedTests, failed, skipped: r.numPendingTests + r.numTodoTests };
    return code !== 0 && failed === 0 ? { ...counts, failed: 1, note: `jest exited ${code}` } : counts;
  };

const BROWSER_JEST_CONFIG = 'tests/browser/jest.config.js';

/**
 * The PHPUnit suite of the PHP adapter and of each plugin: the configuration at the project's root only
 * (nested ones are started by those suites themselves, inside a real CMS); phpunit.xml wins over .dist.
 */
function phpunitConfigs() {
  const files = findFiles(['backend-adapter/php', 'plugins/wordpress', 'plugins/spip'], (p) =>
    /^(backend-adapter\/php|plugins\/[^/]+)\/phpunit\.xml(\.dist)?$/.test(p),
  );
  return files.filter((f) => !(f.endsWith('.dist') && files.includes(f.slice(0, -'.dist'.length))));
}

/** Totals from a JUnit XML report: the first <testsuite> element carries the sums of the whole run. */
function junitCounts(xml) {
  const head = /<testsuite\b([^>]*)>/.exec(xml)?.[1] ?? '';
  const n = (attr) => Number(new RegExp(`\\b${attr}="(\\d+)"`).exec(head)?.[1] ?? 0);
  const failed = n('failures') + n('errors');
  return { passed: n('tests') - failed - n('skipped'), failed, skipped: n('skipped') };
}

async function phpunit(ctx) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const [i, config] of phpunitConfigs().entries()) {
    const report = join(ctx.tmp, `phpunit-${i}.xml`);
    const cwd = join(ROOT, dirname(config));
    const { code } = await ctx.exec('phpunit', ['-c', basename(config), '--log-junit', report, ...ctx.args], {
      cwd,
    });
    const counts = existsSync(report) ? junitCounts(readFileSync(report, 'utf8')) : { failed: 0 };
    if (code !== 0 && !counts.failed) counts.failed = 1; // crashed, or no report: still a failure
    for (const key of Object.keys(total)) total[key] += counts[key] ?? 0;
  }
  return total;
}

/**
 * Node's own test runner over `files` (.ts through tsx), for suites that are not Jest's (browser journeys,
 * the contract suite against real hosts): spec output on the terminal, TAP into a file for the counts.
 */
export async function nodeTest(ctx, files) {
  const tap = join(ctx.tmp, 'node-test.tap');
  const loader = files.some((f) => f.endsWith('.ts')) ? ['--import', 'tsx'] : [];
  const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout'];
  reporters.push('--test-reporter=tap', `--test-reporter-destination=${tap}`);
  const { code } = await ctx.exec(process.execPath, [
    ...loader,
    '--test',
    ...reporters,
    ...files,
    ...ctx.args,
  ]);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const n = (key) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  const counts = { passed: n('pass'), failed: n('fail') + n('cancelled'), skipped: n('skipped') + n('todo') };
  return code !== 0 && counts.failed === 0 ? { ...counts, failed: 1, note: `exit ${code}` } : counts;
}

export const steps = [
  {
    name: 'build',
    about: 'TypeScript build (tsc -b) and the widget bundle',
    run: async (ctx) => check({ code: (await build(ctx.exec)) ? 0 : 1 }),
  },
  {
    name: 'typecheck-tests',
    about: 'type check of the test files (tsconfig.tests.json)',
    requires: ['build'], // tests import the workspaces through their built declarations
    present: () => existsSync(join(ROOT, 'tsconfig.tests.json')) || 'no tsconfig.tests.json',
    run: async (ctx) => check(await ctx.exec(bin('tsc'), ['-p', 'tsconfig.tests.json'])),
  },
  {
    name: 'lint:eslint',
    about: 'eslint .',
    run: async (ctx) => check(await ctx.exec(bin('eslint'), ['.'])),
  },
  {
    name: 'lint:prettier',
    about: 'prettier --check .',
    run: async (ctx) => check(await ctx.exec(bin('prettier'), ['--check', '.'])),
  },
  {
    name: 'jest',
    about: 'TypeScript unit and contract tests (Jest projects in jest.config.js)',
    requires: ['build'],
    // PostgreSQL for the store's tests (they skip without it, except under CI); PHP and Chromium for the
    // WordPress host tests (tests/wp) that run in the same Jest run.
    wants: ['postgres', 'php', 'browser', 'mariadb'],
    run: jest(),
  },
  {
    name: 'browser',
    about: 'widget journeys in headless Chromium against the Node host (network guard, axe-core)',
    needs: ['browser'],
    requires: ['build'],
    present: () => existsSync(join(ROOT, BROWSER_JEST_CONFIG)) || 'no browser tests yet',
    run: jest(['-c', BROWSER_JEST_CONFIG]),
  },
  {
    name: 'phpunit',
    about: 'PHP adapter and plugin tests (every phpunit.xml under backend-adapter/php and plugins/)',
    needs: ['php'],
    present: () => phpunitConfigs().length > 0 || 'no phpunit.xml yet',
    run: phpunit,
  },
];
