import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { FormConfig, NextAction, OrderCreated } from '../../../backend-adapter/src/protocol';
import { SIMULATION_CARDS } from '../../../backend-adapter/src/protocol';
import { requestFromForm } from './no-js';

export interface PageServer {
  origin: string;
  /** Where the widget bundle is served, on the pages' origin. */
  widgets: string;
  page(path: string, html: string): string;
  close(): Promise<void>;
}

type SimulationNext = Extract<NextAction, { provider: 'simulation' }>;

export const WIDGET_DIST = join(__dirname, '../../../shared-widgets/dist');
const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
};

async function text(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function withOrder(returnUrl: string, orderId: string, token: string): string {
  const url = new URL(returnUrl);
  url.searchParams.set('guichet_order', orderId);
  url.searchParams.set('guichet_token', token);
  return url.href;
}

function cardPage(total: number): string {
  const amount = `${(total / 100).toFixed(2).replace('.', ',')} €`;
  const cards = SIMULATION_CARDS.map(
    (card) => `<li><code>${card.number}</code> : ${escape(card.description.fr)}</li>`,
  ).join('');
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Paiement (simulation)</title></head>
<body><main>
<h1>Paiement de ${escape(amount)} (simulation)</h1>
<form method="post">
<label for="card">Numéro de carte de test</label>
<input id="card" name="card" inputmode="numeric" autocomplete="off">
<button type="submit">Payer ${escape(amount)}</button>
</form>
<h2>Cartes de test</h2><ul>${cards}</ul>
</main></body></html>`;
}

/**
 * The pages embedding the widgets, on their own loopback origin (as a CMS page is not the Node host), and what
 * a CMS does for the no-JS form: build the order from the posted fields (`flow: "redirect"`), create it
 * through the protocol, then follow `next` — for the simulation, its own card page, then back to the page.
 */
export async function startPageServer(options: {
  base: (site?: string) => string;
  forms: FormConfig[];
}): Promise<PageServer> {
  const pages = new Map<string, string>();
  const pending = new Map<
    string,
    { next: SimulationNext; token: string; returnUrl: string; total: number }
  >();
  let origin = '';
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const redirect = (location: string) => {
      res.writeHead(303, { location });
      res.end();
    };
    try {
      const submit = /^\/cms\/forms\/([\w-]+)\/submit$/.exec(url.pathname);
      const pay = /^\/cms\/pay\/([\w-]+)$/.exec(url.pathname);
      if (req.method === 'GET' && pages.has(url.pathname)) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(pages.get(url.pathname));
      } else if (req.method === 'GET' && url.pathname.startsWith('/widget/')) {
        // The bundle from the page's own origin, as WordPress and SPIP serve it (a module script from another
        // origin needs CORS headers on the script itself).
        const file = normalize(join(WIDGET_DIST, url.pathname.slice('/widget/'.length)));
        const content = file.startsWith(WIDGET_DIST) ? await readFile(file).catch(() => null) : null;
        res.writeHead(content ? 200 : 404, {
          'content-type': `${TYPES[extname(file)] ?? 'text/plain'}; charset=utf-8`,
        });
        res.end(content ?? 'not found');
      } else if (req.method === 'POST' && submit) {
        const form = options.forms.find((candidate) => candidate.id === submit[1]);
        if (!form) throw new Error(`no form ${submit[1]}`);
        const returnUrl = req.headers.referer ?? `${origin}/`;
        const request = {
          ...requestFromForm(form, new URLSearchParams(await text(req)), returnUrl),
          flow: 'redirect' as const,
        };
        const response = await fetch(`${options.base()}/forms/${form.id}/orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin },
          body: JSON.stringify(request),
        });
        if (response.status !== 201) {
          res.writeHead(response.status, { 'content-type': 'text/plain; charset=utf-8' });
          return res.end(await response.text());
        }
        const { order, token, next } = (await response.json()) as OrderCreated;
        if (next.type === 'redirect') return redirect(next.url);
        if (next.type === 'confirm' && next.provider === 'simulation') {
          pending.set(order.id, { next, token, returnUrl, total: order.total });
          return redirect(`${origin}/cms/pay/${order.id}`);
        }
        redirect(withOrder(returnUrl, order.id, token));
      } else if (pay && pending.has(pay[1] ?? '')) {
        const payment = pending.get(pay[1] ?? '')!;
        if (req.method === 'GET') {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          return res.end(cardPage(payment.total));
        }
        const card = new URLSearchParams(await text(req)).get('card') ?? '';
        await fetch(payment.next.confirmUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin },
          body: JSON.stringify({ clientSecret: payment.next.clientSecret, card }),
        });
        redirect(withOrder(payment.returnUrl, pay[1] ?? '', payment.token));
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      }
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(error instanceof Error ? error.message : String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    widgets: `${origin}/widget`,
    page: (path, html) => {
      pages.set(path, html);
      return origin + path;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
