// Child processes for the repo scripts: every child runs in its own process group so that a timeout or a
// Ctrl-C can stop it *with* everything it started (npx wrappers, Jest workers, `php -S` workers, browsers).
// Killing only the direct child leaves those running and keeps the terminal or CI job alive.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { clearTimeout } from 'node:timers';

export const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

const live = new Set();
let stopping = null;

/** Signal the whole group of `child`; a group that is already gone is fine. */
function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group has already exited.
  }
}

/** A command as a reader would type it: `tsc`, not /…/node_modules/.bin/tsc; `node`, not /usr/…/node. */
const short = (cmd) => (cmd === process.execPath ? 'node' : cmd.replace(`${ROOT}/node_modules/.bin/`, ''));

/**
 * Runs a command, streaming its output, and resolves with `{ code, timedOut }` (never rejects).
 * `timeoutMs`: the group gets SIGTERM, then SIGKILL `graceMs` later. A failed spawn resolves with code 127.
 */
export function exec(
  cmd,
  args = [],
  { cwd = ROOT, env, timeoutMs = 0, graceMs = 5000, stdio, echo = true } = {},
) {
  if (echo)
    console.log(
      `$ ${[short(cmd), ...args].join(' ')}${cwd === ROOT ? '' : `   (in ${relative(ROOT, cwd)})`}`,
    );
  return new Promise((resolve) => {
    // stdin is ignored: a child in a background process group that reads the terminal would be stopped.
    const child = spawn(cmd, args, {
      cwd,
      env: env ? { ...process.env, ...env } : process.env,
      stdio: stdio ?? ['ignore', 'inherit', 'inherit'],
      detached: true,
    });
    let timedOut = false;
    let timer = null;
    let hardKill = null;
    live.add(child);
    if (timeoutMs > 0) {
      timer = setTimeout(() => {
        timedOut = true;
        console.error(
          `\n!! ${short(cmd)}: time limit reached (${Math.round(timeoutMs / 1000)} s); stopping its processes`,
        );
        killGroup(child, 'SIGTERM');
        hardKill = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
        hardKill.unref();
      }, timeoutMs);
    }
    const done = (code) => {
      clearTimeout(timer);
      clearTimeout(hardKill);
      live.delete(child);
      // Whatever the command left behind in its group (a server a test forgot to stop) goes with it.
      killGroup(child, 'SIGKILL');
      resolve({ code, timedOut });
    };
    child.on('error', (err) => {
      console.error(`!! cannot run ${cmd}: ${err.message}`);
      done(127);
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

/** Runs a command and returns its trimmed stdout, or null when it cannot run or fails. For quick look-ups. */
export function capture(cmd, args = [], opts = {}) {
  return new Promise((resolve) => {
    const out = [];
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'], ...opts });
    child.stdout.on('data', (d) => out.push(d));
    child.on('error', () => resolve(null));
    child.on('close', (code) => resolve(code === 0 ? Buffer.concat(out).toString('utf8').trim() : null));
  });
}

/** Whether `name` is an executable on PATH. */
export function onPath(name) {
  return (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, name)));
}

/** A project-local CLI (node_modules/.bin) — npx's own lookup, without its wrappers or its network fallback. */
export function bin(name) {
  const local = join(ROOT, 'node_modules', '.bin', name);
  return existsSync(local) ? local : name;
}

/**
 * First SIGINT/SIGTERM: pass it on to every running child group and let the caller finish (it can still
 * print what ran). `interrupted()` then tells loops to stop. A second signal kills everything at once.
 */
export function forwardSignals({ graceMs = 10000 } = {}) {
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      if (stopping) {
        for (const child of live) killGroup(child, 'SIGKILL');
        process.exit(130);
      }
      stopping = sig;
      console.error(`\n${sig}: stopping ${live.size} running process group(s)…`);
      for (const child of live) killGroup(child, sig);
      setTimeout(() => live.forEach((child) => killGroup(child, 'SIGKILL')), graceMs).unref();
    });
  }
}

export const interrupted = () => stopping;

/** Seconds with one decimal, for the step headers and the summary. */
export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
