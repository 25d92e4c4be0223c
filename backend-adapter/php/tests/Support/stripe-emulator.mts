// Starts the repository's Stripe emulator for the PHP tests: prints one JSON line {url, webhookSecret} once it
// listens, and stops when its standard input closes (so it never outlives the PHPUnit process that started it).
import { startStripeEmulator } from '../../../testing/stripe-emulator/index.ts';

const emulator = await startStripeEmulator({ port: 0 });
process.stdout.write(`${JSON.stringify({ url: emulator.url, webhookSecret: emulator.webhookSecret })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void emulator.close().then(() => process.exit(0));
});
