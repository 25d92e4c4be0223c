import { startStripeEmulator, type StripeEmulator } from '../../backend-adapter/testing/stripe-emulator';
import type { HostDriver, RunningHost } from './host-driver';
import { ProtocolClient } from './support/protocol-client';
import { badInputScenarios } from './scenarios/bad-input';
import { createOrderScenarios } from './scenarios/create-orders';
import { idempotencyScenarios } from './scenarios/idempotency';
import { languageScenarios } from './scenarios/languages';
import { simulationScenarios } from './scenarios/simulation-payments';
import { stripeScenarios } from './scenarios/stripe-payments';
import { ticketScenarios } from './scenarios/tickets';
import { webhookScenarios } from './scenarios/webhooks';

/** What every scenario gets: the running host, a protocol client on its `{base}`, the Stripe emulator. */
export interface ContractContext {
  host: RunningHost;
  client: ProtocolClient;
  stripe: StripeEmulator;
  simulationSecret: string;
  origin: string;
}

export const SIMULATION_SECRET = 'contract-simulation-secret-0123456789';
export const ORIGIN = 'https://jardin-partage.example';
export const STRIPE_KEYS = { secretKey: 'sk_test_contract_suite', publishableKey: 'pk_test_contract_suite' };

/**
 * The host-agnostic protocol scenarios, once per storage the driver offers. A storage the driver cannot run
 * here is skipped with its reason printed (the driver fails it instead under CI=true).
 */
export function describeContract(driver: HostDriver): void {
  for (const storage of driver.storages()) {
    if (storage.skip)
      console.log(`contract suite: ${driver.name} on ${storage.name} skipped: ${storage.skip}`);
    (storage.skip ? describe.skip : describe)(`contract: ${driver.name} host on ${storage.name}`, () => {
      const ctx = {} as ContractContext;
      beforeAll(async () => {
        ctx.stripe = await startStripeEmulator();
        ctx.simulationSecret = SIMULATION_SECRET;
        ctx.origin = ORIGIN;
        ctx.host = await driver.start({
          storage: storage.name,
          stripe: { apiBase: ctx.stripe.url, webhookSecret: ctx.stripe.webhookSecret, ...STRIPE_KEYS },
          simulationSecret: SIMULATION_SECRET,
          origin: ORIGIN,
        });
        ctx.stripe.setWebhook({ url: `${ctx.host.baseUrl}/webhooks/stripe` });
        ctx.client = new ProtocolClient(ctx.host.baseUrl);
      }, 60_000);
      afterAll(async () => {
        await ctx.host?.stop();
        await ctx.stripe?.close();
      }, 30_000);

      createOrderScenarios(ctx);
      simulationScenarios(ctx);
      stripeScenarios(ctx);
      webhookScenarios(ctx);
      ticketScenarios(ctx);
      idempotencyScenarios(ctx);
      badInputScenarios(ctx);
      languageScenarios(ctx);
    });
  }
}
