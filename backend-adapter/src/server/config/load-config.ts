import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { DonationFormConfig, MembershipFormConfig, TicketsFormConfig, type FormConfig } from '../../protocol';
import type { ProviderSettings } from '../../providers';
import { ensureDateTimeFormat } from '../../providers/shared/formats';
import { ServerConfig, type SiteConfig, type StripeConfig } from './config-schema';
import { resolveReceipts } from './receipt-settings';
import { DEFAULT_LIMITS, type ResolvedConfig, type ResolvedSite } from './resolved-config';

ensureDateTimeFormat();

/** A configuration the host cannot start with; the message says which setting and why, never a secret's value. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export type Env = Record<string, string | undefined>;

export interface LoadedConfig {
  config: ResolvedConfig;
  /** Things worth a line in the log at start (a provider left off, a generated simulation secret…). */
  notices: string[];
}

export function loadConfigFile(path: string, env: Env = process.env): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError([`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError([`${path} is not JSON: ${(err as Error).message}`]);
  }
  return resolveConfig(json, { baseDir: dirname(resolve(path)), env });
}

/** Checks a configuration object, applies the schema defaults and reads the secrets it names from `env`. */
export function resolveConfig(json: unknown, opts: { baseDir: string; env?: Env }): LoadedConfig {
  const env = opts.env ?? process.env;
  json = withFormDefaults(json);
  const problems = configProblems(json);
  if (problems.length) throw new ConfigError(problems);
  const raw = json as ServerConfig;
  const notices: string[] = [];
  const seen = new Set<string>();
  const sites: ResolvedSite[] = [];
  for (const [i, site] of raw.sites.entries()) {
    if (seen.has(site.id)) problems.push(`sites.${i}.id: "${site.id}" is used twice`);
    seen.add(site.id);
    sites.push(resolveSite(site, `sites.${i}`, env, problems, notices, opts.baseDir));
  }
  const storage = resolveStorage(raw.storage, opts.baseDir, env, problems);
  if (problems.length) throw new ConfigError(problems);
  const path = (p: string) => (isAbsolute(p) ? p : resolve(opts.baseDir, p));
  return {
    notices,
    config: {
      listen: { host: raw.listen?.host ?? '127.0.0.1', port: raw.listen?.port ?? 8787 },
      publicUrl: raw.publicUrl ?? null,
      trustProxy: raw.trustProxy ?? false,
      storage: storage ?? { sqlite: ':memory:' },
      limits: { ...DEFAULT_LIMITS, ...raw.limits },
      jobs: {
        intervalMs: (raw.jobs?.intervalSeconds ?? 30) * 1000,
        reconcileAfterMs: (raw.jobs?.reconcileAfterSeconds ?? 60) * 1000,
      },
      widgetsDir: raw.widgets ? path(raw.widgets.dir) : null,
      demoPage: raw.demoPage ?? false,
      sites,
    },
  };
}

function resolveStorage(
  storage: ServerConfig['storage'],
  baseDir: string,
  env: Env,
  problems: string[],
): ResolvedConfig['storage'] | null {
  if ('sqlite' in storage) {
    const file = storage.sqlite;
    return { sqlite: file === ':memory:' || isAbsolute(file) ? file : resolve(baseDir, file) };
  }
  const url = env[storage.postgres.urlEnv];
  if (!url) {
    problems.push(`storage.postgres.urlEnv: environment variable ${storage.postgres.urlEnv} is not set`);
    return null;
  }
  return {
    postgres: url,
    ...(storage.postgres.maxConnections ? { maxConnections: storage.postgres.maxConnections } : {}),
  };
}

function resolveSite(
  site: SiteConfig,
  at: string,
  env: Env,
  problems: string[],
  notices: string[],
  baseDir: string,
): ResolvedSite {
  const forms: FormConfig[] = [];
  const formIds = new Set<string>();
  for (const [j, form] of site.forms.entries()) {
    if (formIds.has(form.id)) problems.push(`${at}.forms.${j}.id: "${form.id}" is used twice`);
    formIds.add(form.id);
    forms.push(form);
  }
  const providers: ProviderSettings = {};
  const { stripe, simulation, offline } = site.providers;
  if (offline) providers.offline = offline;
  if (simulation?.enabled) {
    let secret = simulation.secretEnv ? env[simulation.secretEnv] : undefined;
    if (!secret) {
      // Fine for a demo: a restart forgets it, so simulated payments not finished before it cannot be finished.
      secret = randomBytes(24).toString('base64url');
      notices.push(
        `site ${site.id}: simulation secret generated for this run (set ${simulation.secretEnv ?? 'secretEnv'})`,
      );
    } else if (secret.length < 16) {
      problems.push(
        `${at}.providers.simulation.secretEnv: ${simulation.secretEnv} must hold at least 16 characters`,
      );
    }
    providers.simulation = { enabled: true, secret };
  }
  if (stripe) {
    const settings = resolveStripe(stripe, `${at}.providers.stripe`, env, problems);
    if (settings) providers.stripe = settings;
    else notices.push(`site ${site.id}: Stripe is off (${stripe.secretKeyEnv} and friends are not set)`);
  }
  let adminToken: string | null = null;
  if (site.adminTokenEnv) {
    adminToken = env[site.adminTokenEnv] ?? null;
    if (adminToken !== null && adminToken.length < 16) {
      problems.push(`${at}.adminTokenEnv: ${site.adminTokenEnv} must hold at least 16 characters`);
    }
    if (adminToken === null)
      notices.push(`site ${site.id}: back-office closed (${site.adminTokenEnv} is not set)`);
  }
  return {
    id: site.id,
    origins: site.origins,
    organization: { name: site.organization.name },
    locale: site.locale ?? 'fr',
    adminToken,
    providers,
    forms,
    receipts: resolveReceipts(site, `${at}.organization.receipts`, { env, problems, notices, baseDir }),
  };
}

function resolveStripe(
  stripe: StripeConfig,
  at: string,
  env: Env,
  problems: string[],
): NonNullable<ProviderSettings['stripe']> | null {
  const secretKey = env[stripe.secretKeyEnv];
  const webhookSecret = env[stripe.webhookSecretEnv];
  const publishableKey =
    stripe.publishableKey ?? (stripe.publishableKeyEnv ? env[stripe.publishableKeyEnv] : undefined);
  const missing = [
    secretKey ? null : stripe.secretKeyEnv,
    webhookSecret ? null : stripe.webhookSecretEnv,
    publishableKey ? null : (stripe.publishableKeyEnv ?? 'publishableKey'),
  ].filter((name): name is string => name !== null);
  if (missing.length) {
    if (!stripe.optional) problems.push(`${at}: not set: ${missing.join(', ')}`);
    return null;
  }
  const apiBase = stripe.apiBaseEnv ? env[stripe.apiBaseEnv] : undefined;
  return {
    secretKey: secretKey as string,
    webhookSecret: webhookSecret as string,
    publishableKey: publishableKey as string,
    ...(stripe.uiMode ? { uiMode: stripe.uiMode } : {}),
    ...(stripe.sepa !== undefined ? { sepa: stripe.sepa } : {}),
    ...(apiBase ? { apiBase } : {}),
  };
}

const FORM_SCHEMAS: Record<FormConfig['kind'], TSchema> = {
  donation: DonationFormConfig,
  membership: MembershipFormConfig,
  tickets: TicketsFormConfig,
};

/** A copy of the file's content with every form's defaults in place, before anything checks it. */
function withFormDefaults(json: unknown): unknown {
  const copy = structuredClone(json) as { sites?: { forms?: unknown[] }[] };
  if (!Array.isArray(copy?.sites)) return copy;
  for (const site of copy.sites) {
    if (!Array.isArray(site?.forms)) continue;
    site.forms = site.forms.map((form) =>
      FORM_SCHEMAS[(form as FormConfig)?.kind] ? withDefaults(form as FormConfig) : form,
    );
  }
  return copy;
}

/** The schema's `default`s, applied by the host when it reads a form (docs/protocol.md §4). */
export function withDefaults(form: FormConfig): FormConfig {
  return Value.Default(FORM_SCHEMAS[form.kind], structuredClone(form)) as FormConfig;
}

/**
 * A form that fails the FormConfig union would only say "expected union value": forms are checked against the
 * schema of their own kind instead, so the message points at the very setting.
 */
function configProblems(json: unknown): string[] {
  const formAt = /^config\.sites\.(\d+)\.forms\.(\d+)(\.|:)/;
  const problems = schemaProblems(ServerConfig, json, 'config').filter((p) => !formAt.test(p));
  const sites = (json as { sites?: unknown }).sites;
  if (!Array.isArray(sites)) return problems;
  sites.forEach((site: { forms?: unknown }, i) => {
    if (!Array.isArray(site?.forms)) return;
    site.forms.forEach((form: { kind?: unknown }, j) => {
      const at = `config.sites.${i}.forms.${j}`;
      const schema = FORM_SCHEMAS[form?.kind as FormConfig['kind']];
      if (!schema) problems.push(`${at}.kind: expected donation, membership or tickets`);
      else problems.push(...schemaProblems(schema, form, at));
    });
  });
  return problems;
}

/** Each problem as `path: message`, the path dotted like the config file reads (`sites.0.forms.2.donation`). */
function schemaProblems(schema: TSchema, value: unknown, root: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const error of Value.Errors(schema, value)) {
    const path = [root, ...error.path.split('/').slice(1)].join('.');
    if (seen.has(path)) continue;
    seen.add(path);
    problems.push(`${path}: ${error.message}`);
    if (problems.length >= 20) break;
  }
  return problems;
}
