/**
 * The one place that decides which Stripe a test talks to. With `STRIPE_TEST_SECRET_KEY` set (a developer
 * machine with internet), the official SDK goes to real Stripe test mode; otherwise to a fresh in-process
 * emulator. Tests that need emulator controls skip themselves on the live target (see `stripeTargetKind`).
 */
import Stripe from 'stripe';
import { startStripeEmulator, type StripeEmulator, type StripeEmulatorOptions } from './stripe-emulator';

export type StripeTargetKind = 'emulator' | 'live';

export interface StripeTarget {
  kind: StripeTargetKind;
  stripe: Stripe;
  apiKey: string;
  /** Null on the live target. */
  emulator: StripeEmulator | null;
  close(): Promise<void>;
}

export const EMULATOR_API_KEY = 'sk_test_guichet_emulator';
/** A second emulated account, for tests that check one association never sees another's objects. */
export const EMULATOR_OTHER_ACCOUNT_KEY = 'sk_test_guichet_emulator_other_account';
const LIVE_KEY_VARIABLE = 'STRIPE_TEST_SECRET_KEY';

/** Synchronous, so `describe`/`it` can be chosen at definition time. */
export function stripeTargetKind(env: NodeJS.ProcessEnv = process.env): StripeTargetKind {
  return env[LIVE_KEY_VARIABLE] ? 'live' : 'emulator';
}

export async function stripeTarget(
  options: StripeEmulatorOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<StripeTarget> {
  const liveKey = env[LIVE_KEY_VARIABLE];
  if (liveKey) {
    // Test-mode keys only: this suite creates objects and must never touch a live account.
    if (!/^(sk|rk)_test_/.test(liveKey))
      throw new Error(`${LIVE_KEY_VARIABLE} must be a test-mode key (sk_test_… or rk_test_…).`);
    const stripe = new Stripe(liveKey, { maxNetworkRetries: 2, timeout: 20_000 });
    return { kind: 'live', stripe, apiKey: liveKey, emulator: null, close: async () => undefined };
  }
  // Only known keys, so a wrong key fails here as it does on real Stripe.
  const emulator = await startStripeEmulator({
    apiKeys: [EMULATOR_API_KEY, EMULATOR_OTHER_ACCOUNT_KEY],
    ...options,
  });
  const stripe = new Stripe(EMULATOR_API_KEY, { ...emulator.sdkConfig, maxNetworkRetries: 0 });
  return { kind: 'emulator', stripe, apiKey: EMULATOR_API_KEY, emulator, close: () => emulator.close() };
}
