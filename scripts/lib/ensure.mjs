// Installs what a fresh machine lacks, so that `npm start` and `npm test` are the only set-up commands:
// npm packages from the lockfile, and Debian packages when we are root on a Debian machine.
import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, capture, exec, onPath } from './proc.mjs';

// The Debian package sets the suites need. Steps name them (`needs: ['php']`) so they share one list.
export const PHP_PACKAGES = [
  'php-cli',
  'php-sqlite3',
  'php-xml',
  'php-mbstring',
  'php-curl',
  'php-mysql',
  'phpunit',
];
export const BROWSER_PACKAGES = ['chromium'];
export const POSTGRES_PACKAGES = ['postgresql'];
export const MARIADB_PACKAGES = ['mariadb-server'];
export const APT_SETS = {
  php: PHP_PACKAGES,
  browser: BROWSER_PACKAGES,
  postgres: POSTGRES_PACKAGES,
  mariadb: MARIADB_PACKAGES,
};

// Off Debian (a developer's Mac, say) dpkg cannot tell; these commands on PATH stand in for the packages.
const COMMANDS = {
  'php-cli': 'php',
  phpunit: 'phpunit',
  chromium: 'chromium',
  postgresql: 'pg_ctl',
  'mariadb-server': 'mariadbd',
};

export const isCI = process.env.CI === 'true';
const NPM_TIMEOUT_MS = 30 * 60_000;

/** Why `npm ci` must run, or null when node_modules matches package-lock.json. */
export function npmInstallReason(root = ROOT) {
  const lock = join(root, 'package-lock.json');
  const hidden = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(join(root, 'node_modules'))) return 'node_modules is missing';
  if (!existsSync(hidden)) return 'node_modules has no .package-lock.json (it was not installed by npm)';
  if (statSync(lock).mtimeMs <= statSync(hidden).mtimeMs) return null;
  // The lockfile is newer. Someone may only have touched or re-saved it (git checkout does): compare what
  // it pins with what npm recorded as installed, so that we do not reinstall everything for nothing.
  const want = JSON.parse(readFileSync(lock, 'utf8')).packages ?? {};
  const have = JSON.parse(readFileSync(hidden, 'utf8')).packages ?? {};
  const name = (path) => path.replace(/^node_modules\//, '');
  for (const [path, entry] of Object.entries(want)) {
    if (path === '' || (entry.optional && !have[path])) continue; // other platforms' optional binaries
    if (have[path]?.version !== entry.version || Boolean(have[path]?.link) !== Boolean(entry.link)) {
      return `package-lock.json is newer than node_modules and pins ${name(path)}@${entry.version ?? 'link'}`;
    }
  }
  const extra = Object.keys(have).find((path) => !(path in want));
  return extra ? `package-lock.json no longer lists ${name(extra)}` : null;
}

/** Runs `npm <args>` in `root`; resolves { code, errors } with what it printed on stderr (also shown). */
async function npm(args, root, { showErrors = true } = {}) {
  const log = join(tmpdir(), `guichet-npm-${process.pid}.log`);
  const fd = openSync(log, 'w');
  const { code } = await exec('npm', args, {
    cwd: root,
    stdio: ['ignore', 'inherit', fd],
    timeoutMs: NPM_TIMEOUT_MS,
  });
  closeSync(fd);
  const errors = readFileSync(log, 'utf8');
  rmSync(log, { force: true });
  if (showErrors) process.stderr.write(errors);
  return { code, errors };
}

/**
 * Runs `npm ci` when needed. Resolves false when it was needed and failed.
 *
 * The npm registry these machines reach lacks some other platforms' optional binaries (for example
 * @swc/core-darwin-arm64), so `npm install` cannot record them in package-lock.json, and `npm ci` then
 * refuses the lockfile as "not in sync" (EUSAGE). In that one case we fall back to `npm install`, which
 * installs the same locked versions; a lockfile it rewrites is reported, since it belongs in a commit.
 */
export async function ensureNpm(root = ROOT) {
  const why = npmInstallReason(root);
  if (!why) return true;
  console.log(`==> npm ci (${why})`);
  const ci = await npm(['ci', '--no-audit', '--no-fund'], root, { showErrors: false });
  if (ci.code === 0 || !/^npm error code EUSAGE/m.test(ci.errors)) {
    process.stderr.write(ci.errors);
    if (ci.code !== 0) console.error(`!! npm ci failed (exit ${ci.code})`);
    return ci.code === 0;
  }
  const missing = (ci.errors.match(/^npm error Missing: \S+/gm) ?? []).map((m) =>
    m.slice(19).replace(/@$/, ''),
  );
  console.log(
    `!! npm ci refused package-lock.json: it lacks ${missing.length} optional package(s) (${missing[0]}…);`,
  );
  console.log('   installing the locked versions with npm install instead');
  const lock = join(root, 'package-lock.json');
  const before = readFileSync(lock, 'utf8');
  const { code } = await npm(['install', '--no-audit', '--no-fund'], root);
  if (code !== 0) console.error(`!! npm install failed (exit ${code})`);
  else if (readFileSync(lock, 'utf8') !== before)
    console.log('!! npm install rewrote package-lock.json: commit it');
  return code === 0;
}

async function debianMissing(packages) {
  const missing = [];
  for (const pkg of packages) {
    const status = await capture('dpkg-query', ['-W', '-f=${Status}', pkg]);
    if (!status?.endsWith(' installed')) missing.push(pkg);
  }
  return missing;
}

let aptUpdated = false;

/**
 * Makes sure the Debian `packages` are installed, installing them when we can (root + apt-get).
 * Resolves true when they are there; otherwise prints which are missing and how to get them, and resolves
 * false so that the caller skips the suite visibly (or, under CI=true, fails it).
 */
export async function ensureApt(packages, { why = 'tests' } = {}) {
  if (!onPath('dpkg-query')) {
    const absent = packages.filter((pkg) => COMMANDS[pkg] && !onPath(COMMANDS[pkg]));
    if (absent.length === 0) return true;
    console.log(
      `!! ${why} needs ${absent.map((p) => COMMANDS[p]).join(', ')} (Debian: ${packages.join(' ')}); not found on PATH`,
    );
    return false;
  }
  const missing = await debianMissing(packages);
  if (missing.length === 0) return true;
  const command = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0 || !onPath('apt-get')) {
    console.log(`!! ${why} needs Debian packages that are not installed: ${missing.join(' ')}`);
    console.log(`   install them with: sudo ${command}`);
    return false;
  }
  console.log(`==> apt-get: installing ${missing.join(' ')} for ${why}`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    // A fresh machine's package lists are empty or stale; one update per run is enough.
    const { code } = await exec('apt-get', ['update'], { env, timeoutMs: 10 * 60_000 });
    if (code !== 0) console.log('!! apt-get update failed; trying the install with the lists there are');
    aptUpdated = true;
  }
  const { code } = await exec('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
    env,
    timeoutMs: 20 * 60_000,
  });
  const still = await debianMissing(missing);
  if (code === 0 && still.length === 0) return true;
  console.log(`!! could not install ${still.join(' ')} (apt-get exit ${code}) for ${why}`);
  return false;
}
