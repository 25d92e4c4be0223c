import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A PostgreSQL server of its own for a test file or a benchmark: initdb into a temporary directory, listen on
 * a free loopback port, throw everything away on stop. Debian's server refuses to run as root, so as root it
 * runs as the `postgres` system user (runuser). Durability is switched off: these databases live seconds.
 */
export interface PostgresCluster {
  /** URL of the `postgres` maintenance database. */
  readonly url: string;
  /** Creates an empty database and resolves with its URL. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

export type PostgresAvailability = { ok: true; binDir: string } | { ok: false; reason: string };

/** Where the server binaries are: GUICHET_PG_BIN, else Debian's newest /usr/lib/postgresql/N/bin. */
export function findPostgres(): PostgresAvailability {
  const candidates = process.env.GUICHET_PG_BIN
    ? [process.env.GUICHET_PG_BIN]
    : existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .filter((v) => /^\d+$/.test(v))
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : [];
  const binDir = candidates.find(
    (dir) => existsSync(join(dir, 'postgres')) && existsSync(join(dir, 'initdb')),
  );
  if (binDir) return { ok: true, binDir };
  return {
    ok: false,
    reason: 'PostgreSQL server binaries not found (apt-get install postgresql, or set GUICHET_PG_BIN)',
  };
}

/** Under CI=true a missing PostgreSQL is a failure, elsewhere a skip the caller prints. */
export function postgresRequired(): boolean {
  return process.env.CI === 'true';
}

const isRoot = () => process.getuid?.() === 0;

function asServerUser(command: string, args: string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export async function startPostgres(): Promise<PostgresCluster> {
  const found = findPostgres();
  if (!found.ok) throw new Error(found.reason);
  const root = mkdtempSync(join(tmpdir(), 'guichet-pg-'));
  if (isRoot()) {
    const uid = Number(spawnSync('id', ['-u', 'postgres']).stdout.toString().trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres']).stdout.toString().trim());
    if (!Number.isInteger(uid) || uid <= 0)
      throw new Error('running as root but there is no `postgres` system user');
    chownSync(root, uid, gid);
  }
  const data = join(root, 'data');
  const [initCmd, initArgs] = asServerUser(join(found.binDir, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '--no-sync',
    '-E',
    'UTF8',
    '--no-locale',
  ]);
  const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`initdb failed: ${init.stderr || init.error?.message}`);
  }
  const port = await freePort();
  const [cmd, args] = asServerUser(join(found.binDir, 'postgres'), [
    '-D',
    data,
    '-k',
    root,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'max_connections=200',
  ]);
  const server = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  server.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const stopNow = () => stopServer(server, data);
  process.once('exit', stopNow);
  try {
    await waitReady(server, () => log);
  } catch (err) {
    stopNow();
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let databases = 0;
  return {
    url,
    createDatabase: async (name = `guichet_${++databases}`) => {
      await adminQuery(url, `CREATE DATABASE ${name}`);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop: async () => {
      process.off('exit', stopNow);
      const exited = new Promise<void>((resolve) =>
        server.exitCode !== null || server.signalCode !== null
          ? resolve()
          : server.once('exit', () => resolve()),
      );
      stopNow();
      await exited;
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Fast shutdown of the postmaster itself (runuser does not always pass signals on). */
function stopServer(server: ChildProcess, data: string): void {
  try {
    const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (pid > 0) process.kill(pid, 'SIGINT');
  } catch {
    server.kill('SIGINT');
  }
}

function waitReady(server: ChildProcess, log: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => done(new Error(`PostgreSQL did not start in 20 s:\n${log()}`)), 20_000);
    const poll = setInterval(() => {
      if (/ready to accept connections/.test(log())) done();
    }, 25);
    const onExit = () => done(new Error(`PostgreSQL exited at start:\n${log()}`));
    server.once('exit', onExit);
    function done(err?: Error) {
      clearTimeout(deadline);
      clearInterval(poll);
      server.off('exit', onExit);
      if (err) reject(err);
      else resolve();
    }
  });
}

async function adminQuery(url: string, sql: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client } = require('pg') as {
    Client: new (c: { connectionString: string }) => {
      connect(): Promise<void>;
      query(s: string): Promise<unknown>;
      end(): Promise<void>;
    };
  };
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
