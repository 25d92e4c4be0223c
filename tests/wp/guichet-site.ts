// A WordPress test site with Guichet configured: settings written to its option and forms saved under their
// stable ids, both through WordPress's own PHP (the same code the settings page and the blocks use).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startWordPress, type StartOptions, type WordPressSite } from './wp-server';

export type Json = Record<string, unknown>;

/** A protocol example from docs/examples/protocol (e.g. 'form-config.tickets'). */
export function example<T = Json>(name: string): T {
  return JSON.parse(readFileSync(join(ROOT, 'docs/examples/protocol', `${name}.json`), 'utf8')) as T;
}

const php = (value: unknown): string => `json_decode(${JSON.stringify(JSON.stringify(value))}, true)`;

export async function configure(site: WordPressSite, settings: Json): Promise<void> {
  await site.php(`
    $current = get_option('guichet_settings', []);
    update_option('guichet_settings', array_replace_recursive(is_array($current) ? $current : [], ${php(settings)}));`);
}

export async function saveForm(site: WordPressSite, config: Json): Promise<void> {
  await site.php(`Guichet\\WordPress\\Site::get()->forms->save(${php(config)});`);
}

/** A tickets form open for sale now, with the given quotas (type id → seats). */
export function ticketsForm(id: string, quotas: Record<string, number>): Json {
  const base = example<{ tickets: Json & { types: Json[] } }>('form-config.tickets');
  const startsAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const types = Object.entries(quotas).map(([typeId, quota]) => ({
    id: typeId,
    name: { fr: `Place ${typeId}`, en: `Seat ${typeId}` },
    price: 1500,
    quota,
  }));
  return {
    ...base,
    id,
    payment: { providers: ['simulation'] },
    tickets: {
      event: { startsAt, location: { fr: 'Salle des fêtes', en: 'Village hall' } },
      types,
      maxPerOrder: 8,
      attendeeNames: false,
      holdMinutes: 30,
    },
  };
}

export function donationForm(id: string): Json {
  return { ...example('form-config.donation'), id, payment: { providers: ['simulation'] } };
}

/** Fresh WordPress, Guichet active, simulation on, no rate limit (tests send bursts from one IP). */
export async function startGuichet(options: StartOptions = {}, settings: Json = {}): Promise<WordPressSite> {
  const site = await startWordPress(options);
  try {
    await configure(site, {
      simulation: true,
      rateLimit: 0,
      organization: { name: 'Les Amis du Jardin' },
      ...settings,
    });
  } catch (error) {
    await site.stop();
    throw error;
  }
  return site;
}

/** Runs `body` on a fresh Guichet site (startGuichet), which is stopped afterwards whatever happens. */
export async function withGuichet(
  options: StartOptions,
  body: (site: WordPressSite) => Promise<void>,
): Promise<void> {
  const site = await startGuichet(options);
  try {
    await body(site);
  } finally {
    await site.stop();
  }
}

export async function call(
  site: WordPressSite,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Json; headers: Headers }> {
  const response = await fetch(`${site.api}${path}`, {
    method,
    headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let parsed: Json;
  try {
    parsed = JSON.parse(text) as Json;
  } catch {
    throw new Error(`${method} ${path} answered ${response.status} with non-JSON: ${text.slice(0, 500)}`);
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

/** PHP notices, warnings, deprecations and fatals in debug.log (Guichet's own info lines are not problems). */
export function phpProblems(site: WordPressSite): string[] {
  return site
    .debugLog()
    .split('\n')
    .filter((line) => /PHP (Notice|Warning|Deprecated|Fatal error|Parse error)|Uncaught/.test(line));
}

/** `buyers` payers at once, each asking one 'plein' ticket of `formId`: the ticket rush the test and the bench share. */
export async function rushBuyers(site: WordPressSite, formId: string, buyers: number) {
  const started = Date.now();
  const answers = await Promise.all(
    Array.from({ length: buyers }, (_, i) =>
      call(site, 'POST', `/forms/${formId}/orders`, {
        kind: 'tickets',
        locale: 'fr',
        payment: { provider: 'simulation' },
        payer: { email: `buyer${i}@example.fr`, firstName: 'Ana', lastName: `Buyer${i}` },
        tickets: { items: [{ typeId: 'plein', quantity: 1 }] },
      }),
    ),
  );
  return { answers, elapsed: Date.now() - started };
}
