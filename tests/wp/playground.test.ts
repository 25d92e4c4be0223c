// The no-PHP demo path, so it never rots: WordPress Playground (php-wasm) boots the local WordPress tree offline
// with the staged plugin, activates it, and the protocol answers a form definition. Playground is not a
// dependency of the repository (582 MB): it is installed into .cache/playground on first use.
// Runs with GUICHET_PLAYGROUND=1 or CI=true, skipped otherwise: 56 s here (boot and blueprint 50 s), plus
// 41 s for the first install.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, ensureWordPress, freePort, stageGuichet } from './wp-server';
import { donationForm } from './guichet-site';

const VERSION = '3.1.56';
const PREFIX = join(CACHE, 'playground');
const CLI = join(PREFIX, 'node_modules/@wp-playground/cli/wp-playground.js');
const enabled = process.env.GUICHET_PLAYGROUND === '1' || process.env.CI === 'true';

jest.setTimeout(300_000);

let work = '';
let server: ChildProcess | null = null;

function ensurePlayground(): void {
  if (existsSync(CLI)) return;
  execFileSync(
    'npm',
    ['install', '--prefix', PREFIX, `@wp-playground/cli@${VERSION}`, '--no-audit', '--no-fund'],
    { stdio: 'inherit' },
  );
}

/** Starts the CLI in its own process group and resolves once the blueprint has run ("Ready!"). */
function boot(args: string[]): Promise<void> {
  return new Promise((ready, fail) => {
    server = spawn(process.execPath, [CLI, ...args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready! WordPress is running on')) ready();
    };
    server.stdout?.on('data', listen);
    server.stderr?.on('data', listen);
    server.once('exit', (code) => fail(new Error(`Playground exited with ${code}:\n${output.slice(-3000)}`)));
  });
}

afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((done) => server?.once('exit', done));
    process.kill(-server.pid, 'SIGTERM');
    await exited;
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

(enabled ? test : test.skip)(
  'WordPress Playground boots offline with Guichet active and serves a form definition',
  async () => {
    ensureWordPress();
    ensurePlayground();
    work = mkdtempSync(join(CACHE, 'playground-site-'));
    const wordpress = join(work, 'wordpress');
    // A real copy: Playground writes wp-config.php and its SQLite database into the tree.
    execFileSync('cp', ['-r', join(CACHE, 'wordpress'), wordpress]);
    const plugin = join(work, 'guichet');
    stageGuichet(plugin);
    const form = donationForm('playground-don');
    const blueprint = {
      // Pinned, or the CLI asks api.wordpress.org which versions are current (offline: "fetch failed").
      preferredVersions: { php: '8.3', wp: 'latest' },
      steps: [
        { step: 'activatePlugin', pluginPath: '/wordpress/wp-content/plugins/guichet/guichet.php' },
        {
          step: 'runPHP',
          code: `<?php require '/wordpress/wp-load.php';
update_option('guichet_settings', ['simulation' => true, 'defaultLocale' => 'fr']);
Guichet\\WordPress\\Site::get()->forms->save(json_decode(${JSON.stringify(JSON.stringify(form))}, true));`,
        },
      ],
    };
    writeFileSync(join(work, 'blueprint.json'), JSON.stringify(blueprint));
    const port = await freePort();
    const started = Date.now();
    await boot([
      'server',
      `--port=${port}`,
      `--mount-before-install=${wordpress}:/wordpress`,
      '--wordpress-install-mode=install-from-existing-files',
      `--mount=${plugin}:/wordpress/wp-content/plugins/guichet`,
      `--blueprint=${join(work, 'blueprint.json')}`,
      '--verbosity=normal',
    ]);
    const response = await fetch(`http://127.0.0.1:${port}/wp-json/guichet/v1/forms/playground-don`, {
      signal: AbortSignal.timeout(60_000),
    });
    const definition = (await response.json()) as { kind?: string; paymentMethods?: { provider: string }[] };
    console.log(`playground boot and first answer: ${Date.now() - started} ms`);
    expect(response.status).toBe(200);
    expect(definition.kind).toBe('donation');
    expect(definition.paymentMethods?.map((method) => method.provider)).toContain('simulation');
  },
);
