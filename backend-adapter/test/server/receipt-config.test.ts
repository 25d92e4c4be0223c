import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfigFile, resolveConfig } from '../../src/server';
import { RECEIPT_LINK_SECRET, RECEIPTS_CONFIG } from '../receipts/issuer';

const demoConfig = join(__dirname, '../../demo/guichet.config.json');

const config = (receipts: object) => ({
  storage: { sqlite: ':memory:' },
  sites: [
    {
      id: 'asso',
      origins: ['https://asso.example'],
      organization: { name: 'Asso', receipts },
      providers: { simulation: { enabled: true, secretEnv: 'SIM' } },
      forms: [],
    },
  ],
});

const SIM = 'simulation-secret-0123456789';

function problemsOf(receipts: object, env: Record<string, string> = {}, baseDir = '/srv/guichet'): string[] {
  try {
    resolveConfig(config(receipts), { baseDir, env: { SIM, ...env } });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('receipt settings in the site configuration', () => {
  // A 1×1 grey PNG, 8-bit, no alpha: what the PDF writers embed.
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==',
    'base64',
  );

  test('the issuer is the organization with its receipts settings; the signature image is read at load', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-config-'));
    try {
      writeFileSync(join(dir, 'signature.png'), PNG);
      const { config: resolved, notices } = resolveConfig(
        config({ ...RECEIPTS_CONFIG, prefix: 'RF', signatureImagePath: 'signature.png' }),
        { baseDir: dir, env: { SIM, RECEIPT_LINK_SECRET } },
      );
      const [site] = resolved.sites;
      expect(site?.receipts.issuer).toEqual({
        name: 'Asso',
        address: RECEIPTS_CONFIG.address,
        object: RECEIPTS_CONFIG.object,
        status: 'general_interest',
        prefix: 'RF',
        signatory: RECEIPTS_CONFIG.signatory,
        signatureImage: { type: 'image/png', data: PNG.toString('base64') },
      });
      expect(site?.receipts.linkSecret).toBe(RECEIPT_LINK_SECRET);
      expect(notices.join('\n')).not.toMatch(/receipt/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('settings a receipt could not carry are refused at start, naming each setting', () => {
    const problems = problemsOf(
      {
        ...RECEIPTS_CONFIG,
        status: 'public_utility',
        prefix: 'rf',
        object: '',
        signatureImagePath: 'missing.png',
      },
      { RECEIPT_LINK_SECRET: 'short' },
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^sites\.0\.organization\.receipts\.linkSecretEnv: RECEIPT_LINK_SECRET must hold/,
        ),
        expect.stringMatching(/^sites\.0\.organization\.receipts\.signatureImagePath: cannot read .*ENOENT/),
        'sites.0.organization.receipts.object: required',
        'sites.0.organization.receipts.statusDetail: required',
        'sites.0.organization.receipts.prefix: invalid_choice',
      ]),
    );
    expect(problemsOf({ ...RECEIPTS_CONFIG, status: 'charity' }).join('\n')).toMatch(
      /organization\.receipts\.status/,
    );
  });

  test('no receipts settings: no issuer; no link secret set: one is generated for the run, with a notice', () => {
    const { config: none } = resolveConfig(
      { ...config({}), sites: [{ ...config({}).sites[0], organization: { name: 'Asso' } }] },
      { baseDir: '/srv', env: { SIM } },
    );
    expect(none.sites[0]?.receipts.issuer).toBeNull();
    const { config: demo, notices } = loadConfigFile(demoConfig, {});
    expect(demo.sites[0]?.receipts.issuer?.name).toBe('Les Amis du Jardin partagé');
    expect(demo.sites[0]?.receipts.linkSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(notices.join('\n')).toMatch(
      /receipt link secret generated for this run \(set GUICHET_RECEIPT_LINK_SECRET\)/,
    );
  });
});
