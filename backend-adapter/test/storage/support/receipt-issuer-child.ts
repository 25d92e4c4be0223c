// One process of the SQLite receipt concurrency test (receipt-concurrency.test.ts): opens its own connection
// to the shared database file, says "ready", waits for a line on stdin (so every process starts together),
// issues all its drafts at once and prints what each got as one JSON line.
// Run with tsx: `tsx receipt-issuer-child.ts <sqlite file> <json DraftSpec[]>`.
import { SqlStorage } from '../../../src/storage';
import { SqliteDriver } from '../../../src/storage/sqlite/sqlite-driver';
import { issueAll, type DraftSpec } from './receipt-drafts';

async function main(): Promise<void> {
  const [file, spec] = process.argv.slice(2);
  if (!file || !spec) throw new Error('usage: receipt-issuer-child <sqlite file> <json DraftSpec[]>');
  const storage = new SqlStorage(new SqliteDriver(file));
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  const outcomes = await issueAll(storage, JSON.parse(spec) as DraftSpec[]);
  await storage.close();
  process.stdout.write(`${JSON.stringify(outcomes)}\n`);
  process.stdin.destroy();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
