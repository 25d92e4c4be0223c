// `npm test`: the one command that checks everything, on a developer's machine and in CI (.ci/run).
// It installs what it lacks (npm packages; Debian packages as root), runs each step of lib/steps.mjs with a
// time limit, and ends with a summary table and one line "N passed, N failed[, N skipped]" for CI parsers.
//
//   npm test                          every step
//   npm test -- --only jest           one step (repeatable, or comma-separated); 'lint' selects lint:*
//   npm test -- --skip lint           all but those
//   npm test -- --only jest -- money  what follows the second `--` goes to the step's runner
//   npm test -- --timeout 300         seconds per step (default 1200, or GUICHET_STEP_TIMEOUT)
//   npm test -- --list                the steps, and whether each applies here
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearTimeout } from 'node:timers';
import { parseArgs } from 'node:util';
import { APT_SETS, ensureApt, ensureNpm, isCI } from './lib/ensure.mjs';
import { exec, forwardSignals, interrupted, seconds } from './lib/proc.mjs';
import { steps } from './lib/steps.mjs';

const usage = `usage: npm test -- [--only STEP]… [--skip STEP]… [--timeout SECONDS] [--list] [-- RUNNER ARGS]
steps: ${steps.map((s) => s.name).join(', ')}`;

function options() {
  try {
    const { values, positionals } = parseArgs({
      options: {
        only: { type: 'string', multiple: true, default: [] },
        skip: { type: 'string', multiple: true, default: [] },
        timeout: { type: 'string', default: process.env.GUICHET_STEP_TIMEOUT ?? '1200' },
        list: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
    });
    const split = (list) => list.flatMap((v) => v.split(',')).filter(Boolean);
    const timeoutS = Number(values.timeout);
    if (!(timeoutS > 0)) throw new Error(`--timeout wants a number of seconds, not "${values.timeout}"`);
    return { ...values, only: split(values.only), skip: split(values.skip), timeoutS, args: positionals };
  } catch (err) {
    console.error(`${err.message}\n${usage}`);
    process.exit(2);
  }
}

const matches = (step, selector) => step.name === selector || step.name.startsWith(`${selector}:`);

/** The steps to run, in file order: --only/--skip, plus what the chosen ones require (unless skipped). */
function select({ only, skip }) {
  for (const selector of [...only, ...skip]) {
    if (!steps.some((step) => matches(step, selector))) {
      console.error(`unknown step "${selector}"\n${usage}`);
      process.exit(2);
    }
  }
  const skipped = (step) => skip.some((s) => matches(step, s));
  const chosen = new Set(
    steps.filter((step) => (!only.length || only.some((s) => matches(step, s))) && !skipped(step)),
  );
  for (const step of [...chosen]) {
    for (const name of step.requires ?? []) {
      const required = steps.find((s) => s.name === name);
      if (required && !skipped(required)) chosen.add(required);
    }
  }
  return steps.filter((step) => chosen.has(step));
}

/** Installs the Debian package sets the present steps need; returns the names of the sets now available. */
async function provide(runnable) {
  const available = new Set();
  const users = (key, set) => runnable.filter((s) => (s[key] ?? []).includes(set)).map((s) => s.name);
  const sets = new Set(runnable.flatMap((s) => [...(s.needs ?? []), ...(s.wants ?? [])]));
  for (const set of sets) {
    const needers = users('needs', set);
    const why = needers.length
      ? `the ${needers.join(', ')} step`
      : `the optional part of ${users('wants', set).join(', ')}`;
    if (await ensureApt(APT_SETS[set], { why })) available.add(set);
  }
  return available;
}

/** Runs one step within its time limit; resolves { passed, failed, skipped, status, note }. */
async function runStep(step, { timeoutS, args, tmp }) {
  const deadline = Date.now() + timeoutS * 1000;
  let timedOut = false;
  const ctx = {
    tmp,
    args,
    exec: async (cmd, cmdArgs, opts = {}) => {
      const result = await exec(cmd, cmdArgs, { ...opts, timeoutMs: Math.max(1, deadline - Date.now()) });
      timedOut ||= result.timedOut;
      return result;
    },
  };
  let timer;
  // The children are killed at the deadline by ctx.exec; this also catches a step hung in this process.
  const hang = new Promise((resolve) => {
    timer = setTimeout(
      () => resolve({ failed: 1, note: 'the step itself did not return' }),
      timeoutS * 1000 + 15_000,
    );
  });
  let result;
  try {
    result = await Promise.race([step.run(ctx), hang]);
  } catch (err) {
    console.error(err);
    result = { failed: 1, note: `crashed: ${err.message}` };
  } finally {
    clearTimeout(timer);
  }
  const counts = { passed: result.passed ?? 0, failed: result.failed ?? 0, skipped: result.skipped ?? 0 };
  if (timedOut) return { ...counts, failed: Math.max(counts.failed, 1), status: `TIMED OUT (${timeoutS} s)` };
  if (interrupted()) return { ...counts, status: 'interrupted' };
  const status = counts.failed ? 'FAILED' : counts.passed + counts.skipped ? 'ok' : 'no tests';
  return { ...counts, status, note: result.note };
}

function summary(rows, totalMs) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const row of rows) for (const key of Object.keys(total)) total[key] += row[key] ?? 0;
  const width = Math.max(...rows.map((r) => r.name.length), 5) + 2;
  const pad = (c, i) => (i === 0 ? c.padEnd(width) : i === 5 ? `  ${c}` : c.padStart(i === 4 ? 9 : 8));
  const line = (cells) => cells.map(pad).join('').trimEnd();
  console.log(`\n=== summary ${'='.repeat(60)}`);
  console.log(line(['step', 'passed', 'failed', 'skipped', 'time', 'result']));
  for (const r of rows) {
    const counted = ['passed', 'failed', 'skipped'].some((key) => key in r);
    const counts = counted ? [r.passed ?? 0, r.failed ?? 0, r.skipped ?? 0].map(String) : ['', '', ''];
    counts.push(r.ms === undefined ? '' : seconds(r.ms));
    console.log(line([r.name, ...counts, r.note ? `${r.status}: ${r.note}` : r.status]));
  }
  console.log(line(['total', ...[total.passed, total.failed, total.skipped].map(String), seconds(totalMs)]));
  // The closing line CI reads: alone on its line, last.
  const skipped = total.skipped ? `, ${total.skipped} skipped` : '';
  console.log(`\n${total.passed} passed, ${total.failed} failed${skipped}`);
  return total;
}

async function main() {
  const opts = options();
  if (opts.help) {
    console.log(usage);
    return 0;
  }
  const chosen = select(opts);
  if (opts.list) {
    for (const step of steps) {
      const present = step.present ? step.present() : true;
      console.log(
        `${step.name.padEnd(18)} ${present === true ? 'present' : `not present (${present})`}  ${step.about ?? ''}`,
      );
    }
    return 0;
  }
  forwardSignals();
  const started = Date.now();
  const rows = [];
  console.log(
    `guichet tests: ${chosen.map((s) => s.name).join(', ')}${isCI ? ' (CI: a missing requirement fails)' : ''}`,
  );

  if (!(await ensureNpm())) {
    const ms = Date.now() - started;
    summary([{ name: 'npm install', status: 'FAILED', passed: 0, failed: 1, skipped: 0, ms }], ms);
    return 1;
  }
  const runnable = [];
  for (const step of chosen) {
    const present = step.present ? step.present() : true;
    if (present === true) runnable.push(step);
    else rows.push({ name: step.name, status: `not present (${present})` });
  }
  const available = await provide(runnable);
  const tmp = mkdtempSync(join(tmpdir(), 'guichet-test-'));
  try {
    for (const [i, step] of runnable.entries()) {
      if (interrupted()) {
        rows.push({ name: step.name, status: 'not run (interrupted)' });
        continue;
      }
      const missing = (step.needs ?? []).filter((set) => !available.has(set));
      if (missing.length) {
        const reason = `${missing.join(', ')} packages missing (see above)`;
        // A skipped step counts as one skipped test so that the closing line shows it; in CI it is a failure.
        rows.push({
          name: step.name,
          ...(isCI ? { failed: 1, status: 'FAILED' } : { skipped: 1, status: 'SKIPPED' }),
          note: reason,
        });
        console.log(
          `\n=== [${i + 1}/${runnable.length}] ${step.name}: ${isCI ? 'FAILED' : 'SKIPPED'} (${reason})`,
        );
        continue;
      }
      console.log(`\n=== [${i + 1}/${runnable.length}] ${step.name}${step.about ? ` — ${step.about}` : ''}`);
      const t0 = Date.now();
      const row = { name: step.name, ...(await runStep(step, { ...opts, tmp })), ms: Date.now() - t0 };
      rows.push(row);
      const counts = `${row.passed} passed, ${row.failed} failed${row.skipped ? `, ${row.skipped} skipped` : ''}`;
      console.log(`--- ${step.name}: ${row.status} (${counts}) in ${seconds(row.ms)}`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  rows.sort((a, b) => steps.findIndex((s) => s.name === a.name) - steps.findIndex((s) => s.name === b.name));
  const total = summary(rows, Date.now() - started);
  if (interrupted()) return 130;
  return total.failed > 0 ? 1 : 0;
}

process.exitCode = await main();
