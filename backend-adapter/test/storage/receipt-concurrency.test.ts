import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyReceiptChain } from '../../src/domain/receipts';
import { SqlStorage } from '../../src/storage';
import { PostgresDriver } from '../../src/storage/postgres/postgres-driver';
import { SqliteDriver } from '../../src/storage/sqlite/sqlite-driver';
import { findPostgres, postgresRequired, startPostgres, type PostgresCluster } from '../../testing/postgres';
import { issueAll, type DraftSpec, type IssueOutcome } from './support/receipt-drafts';

/**
 * The issue's requirement: receipts issued at the same moment by many workers get numbers with no gap and no
 * duplicate, the ledger positions follow each other, the hash chain holds, and replaying the same issue keys
 * issues nothing new. SQLite runs several processes on one database file (one better-sqlite3 connection is
 * synchronous, so one process would prove nothing); PostgreSQL a pool of connections. Throughput is printed.
 */

const N = 300;
const REPO = join(__dirname, '../../..');
const TSX = join(REPO, 'node_modules/.bin/tsx');
const CHILD = join(__dirname, 'support/receipt-issuer-child.ts');

/**
 * N drafts over `years`, every tenth refused by the database's CHECK after its sequence and position were
 * taken (so they must roll back), plus the first 20 keys again: same-key races.
 */
function workload(years: number[]): { specs: DraftSpec[]; replays: DraftSpec[] } {
  const specs: DraftSpec[] = Array.from({ length: N }, (_, i) => ({
    key: `payment:ord_${i}`,
    year: years[i % years.length] as number,
    ...(i % 10 === 9 ? { invalid: true } : {}),
  }));
  return { specs, replays: specs.slice(0, 20) };
}

async function expectGaplessLedger(storage: SqlStorage, specs: readonly DraftSpec[]): Promise<void> {
  const accepted = specs.filter((s) => !s.invalid);
  const ledger = await storage.receiptsInLedgerOrder('demo', 0, 10 * N);
  expect(ledger.map((r) => r.position)).toEqual(accepted.map((_, i) => i + 1));
  expect(new Set(ledger.map((r) => r.issueKey)).size).toBe(accepted.length);
  expect(new Set(ledger.map((r) => r.number)).size).toBe(accepted.length);
  for (const year of new Set(accepted.map((s) => s.year))) {
    const expected = accepted.filter((s) => s.year === year).length;
    const sequences = ledger.filter((r) => r.year === year).map((r) => r.sequence);
    expect(sequences.sort((a, b) => a - b)).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
    expect(await storage.countReceipts('demo', { year })).toBe(expected);
  }
  expect(verifyReceiptChain(ledger)).toMatchObject({ ok: true });
}

/** Every accepted key has one number whoever asked; refused ones were refused everywhere. */
function expectConsistentOutcomes(outcomes: readonly IssueOutcome[], specs: readonly DraftSpec[]): void {
  const numberOf = new Map<string, Set<string>>();
  let created = 0;
  for (const outcome of outcomes) {
    const spec = specs.find((s) => s.key === outcome.key);
    if (spec?.invalid) {
      expect(outcome).toEqual({ key: outcome.key, error: expect.stringMatching(/check/i) });
      continue;
    }
    if (!('number' in outcome)) throw new Error(`${outcome.key}: ${outcome.error}`);
    if (outcome.created) created += 1;
    numberOf.set(outcome.key, (numberOf.get(outcome.key) ?? new Set()).add(outcome.number));
  }
  expect([...numberOf.values()].every((numbers) => numbers.size === 1)).toBe(true);
  expect(created).toBe(specs.filter((s) => !s.invalid).length);
}

function printRate(name: string, count: number, ms: number): void {
  console.log(`${name}: ${Math.round((count * 1000) / ms)} receipts/s (target none, printed)`);
}

describe('receipt numbering under concurrency [sqlite, 4 processes on one file]', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'guichet-receipts-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function runProcesses(file: string, specs: DraftSpec[], replays: DraftSpec[], processes = 4) {
    const shares = Array.from({ length: processes }, (_, p) => [
      ...specs.filter((_, i) => i % processes === p),
      ...replays,
    ]);
    const children = shares.map((share) => {
      const child = spawn(TSX, [CHILD, file, JSON.stringify(share)], { cwd: REPO });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      const ready = new Promise<void>((resolve, reject) => {
        const poll = setInterval(() => {
          if (out.startsWith('ready\n')) {
            clearInterval(poll);
            resolve();
          }
        }, 10);
        child.once('exit', (code) => {
          clearInterval(poll);
          reject(new Error(`issuer exited (${code}) before it was ready: ${err}`));
        });
      });
      const done = new Promise<IssueOutcome[]>((resolve, reject) =>
        child.once('exit', (code) =>
          code === 0
            ? resolve(JSON.parse(out.slice('ready\n'.length)) as IssueOutcome[])
            : reject(new Error(`issuer exited with ${code}: ${err}`)),
        ),
      );
      return { child, ready, done };
    });
    await Promise.all(children.map((c) => c.ready));
    const started = performance.now();
    for (const c of children) c.child.stdin.write('go\n');
    const outcomes = (await Promise.all(children.map((c) => c.done))).flat();
    return { outcomes, ms: performance.now() - started };
  }

  async function migrated(file: string): Promise<SqlStorage> {
    const storage = new SqlStorage(new SqliteDriver(file));
    await storage.migrate();
    return storage;
  }

  test(`${N} receipts issued at once: numbers 1..n without gap or duplicate, chain intact, replay issues nothing`, async () => {
    const file = join(dir, 'receipts.db');
    const storage = await migrated(file);
    const { specs, replays } = workload([2026]);
    const { outcomes, ms } = await runProcesses(file, specs, replays);
    printRate('receipt issue, sqlite 4 processes', specs.length - specs.filter((s) => s.invalid).length, ms);
    expectConsistentOutcomes(outcomes, specs);
    await expectGaplessLedger(storage, specs);

    const again = await issueAll(storage, specs);
    expect(again.filter((o) => 'created' in o && o.created)).toEqual([]);
    expect(await storage.countReceipts('demo', {})).toBe(specs.filter((s) => !s.invalid).length);
    await storage.close();
  }, 60_000);

  test('receipts of several years at once: one gapless series per year, one ledger', async () => {
    const file = join(dir, 'receipts.db');
    const storage = await migrated(file);
    const { specs, replays } = workload([2025, 2026, 2027]);
    const { outcomes } = await runProcesses(file, specs, replays, 3);
    expectConsistentOutcomes(outcomes, specs);
    await expectGaplessLedger(storage, specs);
    await storage.close();
  }, 60_000);
});

const postgres = findPostgres();
if (!postgres.ok && !postgresRequired())
  console.log(`PostgreSQL receipt concurrency skipped: ${postgres.reason}`);

(postgres.ok || postgresRequired() ? describe : describe.skip)(
  'receipt numbering under concurrency [postgres, pool of 20 connections]',
  () => {
    let cluster: PostgresCluster | undefined;
    beforeAll(async () => {
      cluster = await startPostgres();
    }, 30_000);
    afterAll(() => cluster?.stop(), 30_000);

    async function fresh(): Promise<SqlStorage> {
      if (!cluster) throw new Error('PostgreSQL did not start');
      const storage = new SqlStorage(
        new PostgresDriver(await cluster.createDatabase(), { maxConnections: 20 }),
      );
      await storage.migrate();
      return storage;
    }

    test(`${N} receipts issued at once: numbers 1..n without gap or duplicate, chain intact, replay issues nothing`, async () => {
      const storage = await fresh();
      const { specs, replays } = workload([2026]);
      const started = performance.now();
      const outcomes = await issueAll(storage, [...specs, ...replays, ...replays]);
      printRate(
        'receipt issue, postgres 20 connections',
        specs.filter((s) => !s.invalid).length,
        performance.now() - started,
      );
      expectConsistentOutcomes(outcomes, specs);
      await expectGaplessLedger(storage, specs);

      const again = await issueAll(storage, specs);
      expect(again.filter((o) => 'created' in o && o.created)).toEqual([]);
      expect(await storage.countReceipts('demo', {})).toBe(specs.filter((s) => !s.invalid).length);
      await storage.close();
    }, 60_000);

    test('receipts of several years at once: one gapless series per year, one ledger', async () => {
      const storage = await fresh();
      const { specs, replays } = workload([2025, 2026, 2027]);
      const outcomes = await issueAll(storage, [...specs, ...replays]);
      expectConsistentOutcomes(outcomes, specs);
      await expectGaplessLedger(storage, specs);
      await storage.close();
    }, 60_000);
  },
);
