/**
 * The node:http server: dispatches /v1 to the API pipeline, /_emulator to the controls and /c/pay to the
 * fake hosted Checkout page. Listens on 127.0.0.1 and port 0 (a free port) unless told otherwise.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApiRequest, type ApiDeps } from './api';
import { CORS_HEADERS, handleControlRequest, type ControlDeps } from './controls';
import { handleHostedPage } from './hosted-page';
import { BodyTooLargeError, isLoopback, readBody, send } from './http-io';

export interface ServerDeps {
  api: ApiDeps;
  controls: ControlDeps;
}

export interface ListeningServer {
  server: Server;
  host: string;
  port: number;
  url: string;
  close(): Promise<void>;
}

const HOSTED_PAGE = /^\/c\/pay\/([A-Za-z0-9_]+)$/;

function errorJson(message: string): string {
  return JSON.stringify({ error: { type: 'invalid_request_error', message } });
}

async function route(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const path = url.pathname;
  if (path.startsWith('/_emulator/')) {
    if (!isLoopback(req)) return send(res, 403, errorJson('Emulator controls answer loopback clients only.'));
    if (req.method === 'OPTIONS') return send(res, 204, '', { ...CORS_HEADERS });
    const result = await handleControlRequest(deps.controls, req, url, await readBody(req));
    return send(res, result.status, result.body, { ...CORS_HEADERS });
  }
  if (path.startsWith('/v1/')) {
    const result = handleApiRequest(deps.api, req, url, await readBody(req));
    return send(res, result.status, result.body, result.headers);
  }
  const hosted = HOSTED_PAGE.exec(path);
  if (hosted !== null && isLoopback(req)) {
    const page = await handleHostedPage(
      deps.api.ctx,
      req.method ?? 'GET',
      hosted[1] ?? '',
      await readBody(req),
    );
    return send(res, page.status, page.body, page.headers, 'text/html');
  }
  send(res, 404, errorJson(`Unrecognized request URL (${req.method}: ${path}).`));
}

export function listen(deps: ServerDeps, host: string, port: number): Promise<ListeningServer> {
  const server = createServer((req, res) => {
    route(deps, req, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      const tooLarge = error instanceof BodyTooLargeError;
      send(res, tooLarge ? 413 : 500, errorJson(error instanceof Error ? error.message : String(error)));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        server,
        host: address.address,
        port: address.port,
        url: `http://${urlHost}:${address.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
