// `npm start`: installs what is missing, builds, and serves Guichet on this machine through the first host
// that is available (GUICHET_HOST=node|wordpress picks one). Ctrl-C stops the host and everything it started.
//
// Adding or swapping a host is a change to `hosts` alone: `available()` answers true or why not, and
// `start()` runs the host in the foreground and resolves with its exit code.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from './lib/build.mjs';
import { PHP_PACKAGES, ensureApt, ensureNpm } from './lib/ensure.mjs';
import { ROOT, bin, exec, forwardSignals, onPath } from './lib/proc.mjs';

const NODE_CLI = 'backend-adapter/dist/src/server/cli.js';
const DEMO_CONFIG = 'backend-adapter/demo/guichet.config.json';

const hosts = {
  // The host associations will run: a real WordPress (Debian's PHP, WordPress 6.8 unpacked from Debian's
  // .deb, the SQLite drop-in) with the plugin active, the simulation on and a page holding the three blocks.
  wordpress: {
    prepare: () => ensureApt(PHP_PACKAGES, { why: 'the WordPress demo site' }),
    available: () => onPath('php') || 'PHP is not installed (as root on Debian, npm start installs it)',
    start: async () => (await exec(bin('tsx'), ['tests/wp/start-wordpress.ts'])).code,
  },
  // The Node adapter host (backend-adapter/src/server), with the demo configuration when there is one.
  node: {
    available: () => existsSync(join(ROOT, NODE_CLI)) || `${NODE_CLI} is not built yet`,
    start: async () => {
      const config = existsSync(join(ROOT, DEMO_CONFIG)) ? ['--config', DEMO_CONFIG] : [];
      return (await exec(process.execPath, [NODE_CLI, ...config])).code;
    },
  },
};

/** The forced host (GUICHET_HOST) or the first available one; null, after saying why, when none can run. */
async function chooseHost() {
  const forced = process.env.GUICHET_HOST;
  const reasons = [];
  for (const name of forced ? [forced] : Object.keys(hosts)) {
    const available = await hosts[name].available();
    if (available === true) return name;
    reasons.push(`  ${name}: ${available}`);
  }
  console.error(`\nNo Guichet host can start yet:\n${reasons.join('\n')}`);
  console.error('Guichet is still being built; `npm test` shows what works so far.');
  return null;
}

async function main() {
  const forced = process.env.GUICHET_HOST;
  if (forced && !hosts[forced]) {
    console.error(`GUICHET_HOST=${forced}: unknown host (known: ${Object.keys(hosts).join(', ')})`);
    return 2;
  }
  forwardSignals();
  if (!(await ensureNpm())) return 1;
  console.log('==> build');
  if (!(await build())) {
    console.error('!! the build failed (see above); fix it, then run npm start again');
    return 1;
  }
  // Each host installs what it lacks (Debian packages as root) before saying whether it can run.
  for (const host of Object.values(hosts)) if (!forced || host === hosts[forced]) await host.prepare?.();
  const name = await chooseHost();
  if (!name) return 1;
  console.log(`==> starting the ${name} host (Ctrl-C to stop)`);
  return hosts[name].start();
}

process.exitCode = await main();
