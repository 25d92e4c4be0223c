// Boots a real WordPress for tests: Debian's PHP built-in server, WordPress 6.8 from Debian's .deb (fetched by
// fetch-wordpress.sh into .cache/), SQLite through the sqlite-database-integration drop-in, and the Guichet
// plugin staged with its embedded PHP adapter (or MariaDB instead of SQLite: mariadb.ts). One fresh site per test file, about a second, all offline.
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

export const ROOT = resolve(__dirname, '../..');
export const CACHE = join(ROOT, '.cache');
const CORE = join(CACHE, 'wordpress');
const SQLITE_PLUGIN = join(CACHE, 'sqlite-database-integration');
const HARNESS = __dirname;

export interface WordPressSite {
  url: string;
  /** The REST base of the Guichet routes. */
  api: string;
  dir: string;
  user: string;
  password: string;
  appPassword: string;
  wp: string;
  /** Authorization header value for the admin's application password. */
  auth: string;
  /** Runs PHP inside WordPress (wp-load.php already required) and returns its standard output. */
  php(code: string): Promise<string>;
  /** wp-content/debug.log so far ('' when nothing was logged). */
  debugLog(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Keep the site's folder (the demo); by default it lives in a temporary folder removed on stop(). */
  dir?: string;
  port?: number;
  host?: string;
  /** Extra PHP lines for wp-config.php. */
  config?: string[];
  /** Activate Guichet (default true). */
  activate?: boolean;
  workers?: number;
  /** Store the site in this MariaDB database (see mariadb.ts) instead of SQLite. */
  mysql?: MySqlDatabase;
}

export interface MySqlDatabase {
  host: string;
  port: number;
  database: string;
}

/** Downloads WordPress and the SQLite drop-in into .cache/ when they are not there yet (offline-safe). */
export function ensureWordPress(): void {
  if (existsSync(join(CORE, 'wp-includes/version.php')) && existsSync(join(SQLITE_PLUGIN, 'load.php')))
    return;
  execFileSync('sh', [join(HARNESS, 'fetch-wordpress.sh'), CACHE], { stdio: 'inherit' });
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function run(file: string, args: string[], cwd?: string): Promise<string> {
  return new Promise((done, fail) => {
    execFile(file, args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) fail(new Error(`${file} ${args.join(' ')} failed: ${stderr || stdout || error.message}`));
      else done(stdout);
    });
  });
}

function salts(): string {
  const names = ['AUTH', 'SECURE_AUTH', 'LOGGED_IN', 'NONCE'];
  return names
    .flatMap((name) => [`${name}_KEY`, `${name}_SALT`])
    .map((constant) => `define('${constant}', '${randomBytes(24).toString('hex')}');`)
    .join('\n');
}

function dbConfig(mysql: MySqlDatabase | undefined): string {
  if (mysql)
    return `define('DB_NAME', '${mysql.database}');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', '${mysql.host}:${mysql.port}');`;
  return `define('DB_NAME', 'wordpress');
define('DB_USER', '');
define('DB_PASSWORD', '');
define('DB_HOST', '');
define('DB_DIR', __DIR__ . '/wp-content/database/');
define('DB_FILE', '.ht.sqlite');`;
}

function wpConfig(url: string, extra: string[], mysql?: MySqlDatabase): string {
  return `<?php
${dbConfig(mysql)}
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
${salts()}
$table_prefix = 'wp_';
define('WP_HOME', '${url}');
define('WP_SITEURL', '${url}');
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_DEBUG', true);
define('WP_DEBUG_LOG', true);
define('WP_DEBUG_DISPLAY', false);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
${extra.join('\n')}
if (!defined('ABSPATH')) {
    define('ABSPATH', __DIR__ . '/');
}
require_once ABSPATH . 'wp-settings.php';
`;
}

/** Copies core as hard links (WordPress never writes its own files), adds SQLite, the plugin and wp-config. */
export function prepareSite(dir: string, url: string, config: string[] = [], mysql?: MySqlDatabase): void {
  ensureWordPress();
  mkdirSync(dir, { recursive: true });
  execFileSync('cp', ['-al', `${CORE}/.`, dir]);
  const plugins = join(dir, 'wp-content/plugins');
  if (!mysql) {
    execFileSync('cp', ['-al', SQLITE_PLUGIN, join(plugins, 'sqlite-database-integration')]);
    const dropIn = readFileSync(join(SQLITE_PLUGIN, 'db.copy'), 'utf8')
      .replaceAll('{SQLITE_IMPLEMENTATION_FOLDER_PATH}', join(plugins, 'sqlite-database-integration'))
      .replaceAll('{SQLITE_PLUGIN}', 'sqlite-database-integration/load.php');
    writeFileSync(join(dir, 'wp-content/db.php'), dropIn);
    mkdirSync(join(dir, 'wp-content/database'), { recursive: true });
  }
  mkdirSync(join(dir, 'wp-content/mu-plugins'), { recursive: true });
  copyFileSync(
    join(HARNESS, 'offline-mu-plugin.php'),
    join(dir, 'wp-content/mu-plugins/guichet-tests-offline.php'),
  );
  stageGuichet(join(plugins, 'guichet'));
  writeFileSync(join(dir, 'wp-config.php'), wpConfig(url, config, mysql));
}

/** The plugin as it would be installed from the release zip (plugins/wordpress/tools/stage-plugin.mjs). */
export function stageGuichet(target: string): void {
  execFileSync(process.execPath, [join(ROOT, 'plugins/wordpress/tools/stage-plugin.mjs'), target]);
}

async function waitForHttp(url: string, server: ChildProcess, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`php -S exited with ${server.exitCode}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((wake) => setTimeout(wake, 50));
  }
  throw new Error(`WordPress did not answer at ${url}`);
}

/** Starts php -S on an installed site folder; the returned stop() kills the server's whole process group. */
export async function serve(
  dir: string,
  host: string,
  port: number,
  workers: number,
  inherit = false,
): Promise<{ process: ChildProcess; stop: () => Promise<void> }> {
  const server = spawn('php', ['-S', `${host}:${port}`, '-t', dir, join(HARNESS, 'router.php')], {
    cwd: dir,
    detached: true,
    stdio: inherit ? 'inherit' : 'ignore',
    env: { ...process.env, PHP_CLI_SERVER_WORKERS: String(workers) },
  });
  const stop = async (): Promise<void> => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise<void>((done) => server.once('exit', () => done()));
    try {
      // The workers of PHP_CLI_SERVER_WORKERS outlive their master: signal the whole group.
      process.kill(-(server.pid ?? 0), 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-(server.pid ?? 0), 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5000);
    timer.unref();
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForHttp(`http://${host}:${port}/wp-json/`, server, Date.now() + 20_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { process: server, stop };
}

/** A fresh WordPress with Guichet active; call stop() in afterAll. */
export async function startWordPress(options: StartOptions = {}): Promise<WordPressSite> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await freePort());
  const url = `http://${host}:${port}`;
  const temporary = options.dir === undefined;
  // First, so that .cache exists (and holds WordPress) before a site directory is made in it.
  ensureWordPress();
  const dir = options.dir ?? mkdtempSync(join(CACHE, 'wp-site-'));
  prepareSite(dir, url, options.config, options.mysql);
  const plugins = options.activate === false ? [] : ['guichet/guichet.php'];
  const installed = JSON.parse(
    (await run('php', [join(HARNESS, 'install.php'), dir, url, ...plugins])).trim().split('\n').pop() ?? '{}',
  ) as { wp: string; user: string; password: string; appPassword: string };
  const server = await serve(dir, host, port, options.workers ?? 4);
  const php = async (code: string): Promise<string> => {
    const file = join(dir, `.guichet-eval-${randomBytes(6).toString('hex')}.php`);
    const header = `<?php $_SERVER['HTTP_HOST'] = '${host}:${port}'; require ${JSON.stringify(join(dir, 'wp-load.php'))};\n`;
    writeFileSync(file, header + code);
    try {
      return await run('php', [file], dir);
    } finally {
      rmSync(file, { force: true });
    }
  };
  return {
    url,
    api: `${url}/wp-json/guichet/v1`,
    dir,
    ...installed,
    auth: 'Basic ' + Buffer.from(`${installed.user}:${installed.appPassword}`).toString('base64'),
    php,
    debugLog: () => {
      const log = join(dir, 'wp-content/debug.log');
      return existsSync(log) ? readFileSync(log, 'utf8') : '';
    },
    stop: async () => {
      await server.stop();
      if (temporary) rmSync(dir, { recursive: true, force: true });
    },
  };
}
