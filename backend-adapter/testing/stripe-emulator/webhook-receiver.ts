/**
 * A throwaway webhook endpoint for tests: records each POST with its raw body and headers, exactly as
 * received, and answers with a configurable status. Verification is left to the test, which should use the
 * code under test (or the SDK's `constructEvent`) on `rawBody`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  rawBody: string;
  signature: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Status code for the next responses (default 200), to test failed deliveries. */
  respondWith(status: number): void;
  close(): Promise<void>;
}

export function startWebhookReceiver(path = '/webhooks/stripe'): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let status = 200;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const signature = req.headers['stripe-signature'];
      received.push({
        path: req.url ?? '',
        rawBody: Buffer.concat(chunks).toString('utf8'),
        signature: Array.isArray(signature) ? signature[0] : signature,
        headers: { ...req.headers },
      });
      res.writeHead(status, { 'content-type': 'application/json' }).end('{"received":true}');
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}${path}`,
        received,
        respondWith: (next) => {
          status = next;
        },
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
