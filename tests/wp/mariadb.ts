// One throwaway MariaDB server for the WordPress tests that want MySQL semantics (row locks, READ COMMITTED):
// Debian's mariadb-server binaries run as root on a free port in a temporary folder, no grant tables, no
// binary log; about half a second to initialise and start. Nothing outside the folder is touched.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, type MySqlDatabase } from './wp-server';

const BINARIES = [
  '/usr/sbin/mariadbd',
  '/usr/bin/mariadb-install-db',
  '/usr/bin/mariadb-admin',
  '/usr/bin/mariadb',
];

export interface MariaDB {
  host: string;
  port: number;
  /** Creates a database and returns its name. */
  createDatabase(prefix: string): Promise<string>;
  stop(): Promise<void>;
}

/** Why MariaDB cannot run here, or null when it can. */
export function mariadbMissing(): string | null {
  const missing = BINARIES.filter((binary) => !existsSync(binary));
  return missing.length === 0 ? null : `${missing.join(', ')} not found (apt-get install mariadb-server)`;
}

function run(file: string, args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    execFile(file, args, (error, stdout, stderr) => {
      if (error) fail(new Error(`${file} ${args.join(' ')} failed: ${stderr || stdout || error.message}`));
      else done(stdout);
    });
  });
}

export async function startMariaDB(): Promise<MariaDB> {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-mariadb-'));
  const data = join(dir, 'data');
  const socket = join(dir, 'sock');
  const port = await freePort();
  await run('/usr/bin/mariadb-install-db', [
    '--no-defaults',
    `--datadir=${data}`,
    '--user=root',
    '--skip-test-db',
    '--auth-root-authentication-method=normal',
  ]);
  const server: ChildProcess = spawn(
    '/usr/sbin/mariadbd',
    [
      '--no-defaults',
      `--datadir=${data}`,
      `--socket=${socket}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      '--user=root',
      '--skip-grant-tables',
      '--skip-log-bin',
      '--innodb-buffer-pool-size=64M',
      `--log-error=${join(dir, 'error.log')}`,
    ],
    { detached: true, stdio: 'ignore' },
  );
  const stop = async (): Promise<void> => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise<void>((done) => server.once('exit', () => done()));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
      timer.unref();
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await run('/usr/bin/mariadb-admin', ['--no-defaults', `--socket=${socket}`, 'ping']);
      break;
    } catch (error) {
      if (server.exitCode !== null || Date.now() > deadline) {
        await stop();
        throw new Error(`mariadbd did not start: ${(error as Error).message}`, { cause: error });
      }
      await new Promise((wake) => setTimeout(wake, 50));
    }
  }
  let databases = 0;
  return {
    host: '127.0.0.1',
    port,
    createDatabase: async (prefix) => {
      databases += 1;
      const name = `${prefix.replace(/\W/g, '_')}_${databases}`;
      await run('/usr/bin/mariadb', [
        '--no-defaults',
        `--socket=${socket}`,
        '-e',
        `CREATE DATABASE \`${name}\``,
      ]);
      return name;
    },
    stop,
  };
}

/** Declares one test that gets a fresh database on the block's MariaDB server. */
export type MariaDBTest = (name: string, body: (mysql: MySqlDatabase) => Promise<void>) => void;

/**
 * `describe('MariaDB')` with one throwaway server for its tests, started before them and stopped after; `body`
 * declares them with the `test` it is given. Absent MariaDB skips them on a developer's machine, saying so with
 * `what` ("<what> on MariaDB skipped: …"), never under CI, where they fail instead.
 */
export function describeOnMariaDB(what: string, body: (test: MariaDBTest) => void): void {
  describe('MariaDB', () => {
    const missing = mariadbMissing();
    // Absent MariaDB is a reason to skip on a developer's machine, never under CI.
    const runs = missing === null || process.env.CI === 'true';
    if (!runs) console.log(`${what} on MariaDB skipped: ${missing}`);
    let mariadb: MariaDB | undefined;

    beforeAll(async () => {
      if (runs) mariadb = await startMariaDB();
    });

    afterAll(async () => {
      await mariadb?.stop();
    });

    body((name, run) => {
      (runs ? test : test.skip)(name, async () => {
        if (!mariadb) throw new Error(`MariaDB is required under CI: ${missing}`);
        const database = await mariadb.createDatabase('wp');
        await run({ host: mariadb.host, port: mariadb.port, database });
      });
    });
  });
}
