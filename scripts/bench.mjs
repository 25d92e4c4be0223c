// `npm run bench`: runs every benchmark file (`bench/*.bench.mjs` or `.ts`) one after the other, streaming
// what each prints. Figures are for people to read and compare: a slow figure never fails the run, only a
// benchmark that crashes (non-zero exit) does.
import { build } from './lib/build.mjs';
import { ensureNpm } from './lib/ensure.mjs';
import { findFiles } from './lib/files.mjs';
import { bin, exec, forwardSignals, interrupted, seconds } from './lib/proc.mjs';

const DIRS = ['backend-adapter', 'shared-widgets', 'plugins', 'tests'];
const TIMEOUT_MS = Number(process.env.GUICHET_BENCH_TIMEOUT ?? 1800) * 1000;

async function main() {
  const files = findFiles(DIRS, (path) => /(^|\/)bench\/[^/]+\.bench\.(mjs|ts)$/.test(path));
  if (files.length === 0) {
    console.log(`No benchmarks yet (no bench/*.bench.mjs or .bench.ts under ${DIRS.join(', ')}).`);
    return 0;
  }
  forwardSignals();
  if (!(await ensureNpm())) return 1;
  console.log('==> build');
  if (!(await build())) return 1;
  const crashed = [];
  for (const file of files) {
    if (interrupted()) break;
    console.log(`\n=== bench: ${file}`);
    const started = Date.now();
    // .ts benchmarks run from source through tsx, like the tests; .mjs ones run as they are.
    const [cmd, args] = file.endsWith('.ts') ? [bin('tsx'), [file]] : [process.execPath, [file]];
    const { code, timedOut } = await exec(cmd, args, { timeoutMs: TIMEOUT_MS, echo: false });
    const outcome = timedOut ? 'TIMED OUT' : code === 0 ? 'done' : `CRASHED (exit ${code})`;
    console.log(`--- ${file}: ${outcome} in ${seconds(Date.now() - started)}`);
    if (code !== 0) crashed.push(file);
  }
  if (interrupted()) return 130;
  console.log(
    `\n${files.length} benchmark file(s) run${crashed.length ? `; crashed: ${crashed.join(', ')}` : ''}`,
  );
  return crashed.length ? 1 : 0;
}

process.exitCode = await main();
