/**
 * Runs the emulator by hand, e.g. to point the PHP adapter or the Stripe CLI (`--api-base`) at it:
 *
 *   npx tsx backend-adapter/testing/stripe-emulator/cli.ts --port 12111 --webhook-url http://127.0.0.1:8080/webhooks/stripe
 *
 * Options: --host, --port, --webhook-url, --webhook-secret, --api-key (repeatable), --no-strict-version.
 */
import { parseArgs } from 'node:util';
import { startStripeEmulator } from './index';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '12111' },
      'webhook-url': { type: 'string' },
      'webhook-secret': { type: 'string' },
      'api-key': { type: 'string', multiple: true },
      'no-strict-version': { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port ${values.port}`);
  const emulator = await startStripeEmulator({
    host: values.host,
    port,
    webhookUrl: values['webhook-url'],
    webhookSecret: values['webhook-secret'],
    apiKeys: values['api-key'],
    strictApiVersion: !values['no-strict-version'],
  });
  console.log(`Stripe emulator (API ${emulator.apiVersion}) listening on ${emulator.url}`);
  console.log(
    `  SDK:      new Stripe('sk_test_…', { host: '${emulator.host}', port: ${emulator.port}, protocol: 'http' })`,
  );
  console.log(
    `  webhooks: ${values['webhook-url'] ?? '(none; POST /_emulator/webhook {"url": …})'} signed with ${emulator.webhookSecret}`,
  );
  console.log(`  controls: ${emulator.url}/_emulator/health, /_emulator/events, /_emulator/requests`);
  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
