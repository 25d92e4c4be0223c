/**
 * Checks tests/vectors/stripe-webhook-signatures.json: the official SDK agrees with each case's `stripe_node`,
 * a minimal reading of Guichet's rule agrees with `expected`, the two differ only where documented, the
 * emulator signs exactly like the SDK, and regenerating the file changes no byte.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Stripe from 'stripe';
import { signatureHeader } from '../../backend-adapter/testing/stripe-emulator/webhook-signing';
import {
  renderWebhookVectors,
  VECTORS_PATH,
  type Verdict,
  type WebhookVector,
} from '../scripts/generate-webhook-vectors';

const file = JSON.parse(readFileSync(VECTORS_PATH, 'utf8')) as { about: string; cases: WebhookVector[] };
const stripe = new Stripe('sk_test_vectors_only_not_a_key');

/** Guichet's rule as the file states it (the stripe-php algorithm); a spec check, not the adapter's verifier. */
function guichetVerdict(v: WebhookVector): Verdict {
  if (v.header === null || v.header === '' || v.payload === '') return 'invalid';
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const item of v.header.split(',')) {
    const eq = item.indexOf('=');
    const key = eq === -1 ? item : item.slice(0, eq);
    const value = eq === -1 ? '' : item.slice(eq + 1);
    if (key === 't' && /^\d+$/.test(value)) timestamp = Number(value);
    if (key === 'v1') signatures.push(value);
  }
  if (timestamp === null || signatures.length === 0) return 'invalid';
  const expected = Buffer.from(
    createHmac('sha256', v.secret).update(`${timestamp}.${v.payload}`, 'utf8').digest('hex'),
  );
  const match = signatures.some((s) => {
    const candidate = Buffer.from(s);
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  });
  return match && Math.abs(v.now - timestamp) <= v.tolerance ? 'valid' : 'invalid';
}

function sdkVerdict(v: WebhookVector): Verdict {
  try {
    stripe.webhooks.constructEvent(
      v.payload,
      v.header as string,
      v.secret,
      v.tolerance,
      undefined,
      v.now * 1000,
    );
    return 'valid';
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) throw error;
    return 'invalid';
  }
}

describe('stripe-webhook-signatures.json', () => {
  it('is exactly what the generator writes (regeneration is byte-identical)', () => {
    const rendered = renderWebhookVectors();
    expect(renderWebhookVectors()).toBe(rendered);
    expect(readFileSync(VECTORS_PATH, 'utf8')).toBe(rendered);
  });

  it('explains itself and uses unique names and fake test secrets', () => {
    expect(file.about).toContain('stripe-php');
    expect(new Set(file.cases.map((v) => v.name)).size).toBe(file.cases.length);
    for (const v of file.cases) expect(v.secret).toMatch(/^whsec_test_guichet_vectors_/);
    expect(file.cases.filter((v) => v.expected === 'valid').length).toBeGreaterThanOrEqual(5);
    expect(file.cases.filter((v) => v.expected === 'invalid').length).toBeGreaterThanOrEqual(10);
  });

  it.each(file.cases.map((v) => [v.name, v] as const))('%s: stripe-node decides as recorded', (_name, v) => {
    expect(sdkVerdict(v)).toBe(v.stripe_node);
  });

  it.each(file.cases.map((v) => [v.name, v] as const))('%s: Guichet rule gives `expected`', (_name, v) => {
    expect(guichetVerdict(v)).toBe(v.expected);
  });

  it('departs from stripe-node only for a timestamp too far in the future', () => {
    const differing = file.cases.filter((v) => v.expected !== v.stripe_node);
    expect(differing.map((v) => v.name)).toEqual(['future timestamp beyond tolerance']);
  });

  it('matches the emulator signer, so emulator webhooks verify like real ones', () => {
    const valid = file.cases.find((v) => v.name === 'valid');
    const t = Number(/^t=(\d+)/.exec(valid?.header ?? '')?.[1]);
    expect(signatureHeader(valid?.payload ?? '', valid?.secret ?? '', t)).toBe(valid?.header);
  });
});
