import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FormConfig } from '../../../backend-adapter/src/protocol';
import { spipUnavailable, startSpip, type SpipSite } from '../../spip/spip-site';
import type { HostDriver, HostStartOptions, RunningHost } from '../host-driver';

/**
 * A real SPIP 4.1 (GUICHET_SPIP_ROOT, cloned and served by the plugin's real-SPIP harness, tests/spip/spip-site.ts).
 *
 * SPIP forms are numbered editorial objects (`<don12>`), while the suite names its forms `concert-ab12`. The
 * driver keeps the map: installForm saves the form as SPIP's object and records its number, and a small
 * loopback relay in front of SPIP translates `/forms/concert-ab12/…` into `/forms/12/…` and hands every
 * path to SPIP the way the widget does (`spip.php?action=guichet_api&route=` + path). Answers are passed on
 * untouched, so a definition or an order names the SPIP form (12): the scenarios asserting the suite's own
 * id are listed in spip-host.test.ts. Webhooks go to the plugin's own webhook action, the URL a treasurer
 * pastes in Stripe.
 */
export const spipHostDriver: HostDriver = {
  name: 'spip',
  storages() {
    const why = spipUnavailable();
    return [
      {
        name: 'sqlite',
        ...(why ? { skip: `${why} (plugins/spip/README.md, "Running against a real SPIP")` } : {}),
      },
    ];
  },
  start: startSpipHost,
};

const php = (value: unknown): string => `json_decode(${JSON.stringify(JSON.stringify(value))}, true)`;

async function startSpipHost(options: HostStartOptions): Promise<RunningHost> {
  const site = await startSpip();
  let relay: Server | undefined;
  try {
    // Only a test site points Stripe elsewhere (config/mes_options.php, read at each hit).
    writeFileSync(
      join(site.racine, 'config/mes_options.php'),
      `<?php\ndefine('_GUICHET_STRIPE_API_BASE', ${JSON.stringify(options.stripe.apiBase)});\n`,
    );
    await site.php(`ecrire_config('guichet/stripe', ${php({
      cle_publique: options.stripe.publishableKey,
      cle_secrete: options.stripe.secretKey,
      secret_webhook: options.stripe.webhookSecret,
      ui: 'embedded_page',
    })});
      ecrire_config('guichet/simulation', 'oui');
      ecrire_config('guichet/simulation_secret', ${php(options.simulationSecret)});
      ecrire_config('guichet/langue', 'fr');`);
    const forms = new Map<string, number>();
    relay = await listen((request, response) => void forward(site, forms, request, response));
    const { port } = relay.address() as AddressInfo;
    return host(site, relay, forms, `http://127.0.0.1:${port}`);
  } catch (error) {
    relay?.close();
    await site.stop();
    throw error;
  }
}

function host(site: SpipSite, relay: Server, forms: Map<string, number>, baseUrl: string): RunningHost {
  return {
    baseUrl,
    async installForm(config: FormConfig) {
      const { id, kind, ...rest } = config;
      const title = typeof rest.title === 'string' ? rest.title : rest.title.fr;
      const row = { titre: title, genre: kind, statut: 'publie', config: JSON.stringify(rest) };
      const known = forms.get(id);
      if (known) {
        await site.php(
          `sql_updateq('spip_guichet_formulaires', ${php(row)}, 'id_guichet_formulaire = ${known}');`,
        );
      } else {
        const number = Number(
          await site.php(
            `echo sql_insertq('spip_guichet_formulaires', ${php(row)} + ['date' => date('Y-m-d H:i:s')]);`,
          ),
        );
        if (!(number > 0)) throw new Error(`SPIP did not save form ${id}`);
        forms.set(id, number);
      }
    },
    orderCount: async () => Number(await site.php(`echo sql_countsel('spip_guichet_commandes');`)),
    runJobs: async () => {
      await site.php(`$f = charger_fonction('guichet_reconciliation', 'genie'); $f(time());`);
    },
    async stop() {
      await new Promise<void>((done) => relay.close(() => done()));
      await site.stop();
    },
  };
}

function listen(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<Server> {
  return new Promise((done, fail) => {
    const server = createServer(handler);
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done(server));
  });
}

/** The SPIP URL for a protocol path, the suite's form ids replaced by SPIP's numbers. */
export function spipUrl(siteUrl: string, path: string, forms: ReadonlyMap<string, number>): string {
  const webhook = /^\/webhooks\/([a-z0-9_-]+)$/.exec(path);
  if (webhook) return `${siteUrl}/spip.php?action=guichet_webhook&prestataire=${webhook[1]}`;
  const route = path.replace(/^\/forms\/([^/?]+)/, (whole, id: string) => {
    const number = forms.get(decodeURIComponent(id));
    return number === undefined ? whole : `/forms/${number}`;
  });
  return `${siteUrl}/spip.php?action=guichet_api&route=${route}`;
}

const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

async function forward(
  site: SpipSite,
  forms: ReadonlyMap<string, number>,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (!HOP_BY_HOP.has(name) && value !== undefined)
        headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const method = request.method ?? 'GET';
    const answer = await fetch(spipUrl(site.url, request.url ?? '/', forms), {
      method,
      headers,
      ...(method === 'GET' || method === 'HEAD' ? {} : { body: Buffer.concat(chunks) }),
      redirect: 'manual',
    });
    const body = Buffer.from(await answer.arrayBuffer());
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') out[name] = value;
    });
    response.writeHead(answer.status, out).end(body);
  } catch (error) {
    response.writeHead(502, { 'content-type': 'text/plain' }).end(String(error));
  }
}
