import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDriver } from '../../src/storage/sqlite/sqlite-driver';

describe('SQLite group commit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-sqlite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('transactions committed together stay atomic one by one: a failing one takes only its own writes back', async () => {
    const db = new SqliteDriver(join(dir, 'group.sqlite'));
    await db.run('CREATE TABLE t (n INTEGER PRIMARY KEY)');
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, n) =>
        db.transaction(async (q) => {
          await q.run('INSERT INTO t (n) VALUES (?)', [n * 10]);
          await q.run('INSERT INTO t (n) VALUES (?)', [n * 10 + 1]);
          if (n % 5 === 0) throw new Error(`refused ${n}`);
          return n;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(4);
    const rows = await db.all<{ n: number }>('SELECT n FROM t ORDER BY n');
    expect(rows).toHaveLength(32);
    expect(rows.some((r) => r.n === 0 || r.n === 1 || r.n === 50)).toBe(false);
    await db.close();
    // Reopened: what was acknowledged is on disk.
    const again = new SqliteDriver(join(dir, 'group.sqlite'));
    expect(await again.all('SELECT n FROM t')).toHaveLength(32);
    await again.close();
  });

  test('a statement outside any transaction never lands inside another request’s transaction', async () => {
    const db = new SqliteDriver(':memory:');
    await db.run('CREATE TABLE t (n INTEGER)');
    const rolledBack = db.transaction(async (q) => {
      await q.run('INSERT INTO t (n) VALUES (1)');
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('no');
    });
    const outside = db.run('INSERT INTO t (n) VALUES (2)');
    await expect(rolledBack).rejects.toThrow('no');
    await outside;
    expect(await db.all('SELECT n FROM t')).toEqual([{ n: 2 }]);
    await db.close();
  });
});
