import Stripe from 'stripe';
import { WebhookPayloadError, WebhookSignatureError } from '../../../src/providers';
import { verifyStripeWebhook } from '../../../src/providers/stripe/webhook-signature';

const SECRET = 'whsec_test_signature_unit';
const T = 1_795_468_954;
const NOW = new Date(T * 1000);
const sdk = new Stripe('sk_test_unused').webhooks;

const payload = JSON.stringify(
  {
    id: 'evt_test_1',
    object: 'event',
    type: 'checkout.session.completed',
    created: T,
    data: { object: { id: 'cs_test_1', object: 'checkout.session', payment_status: 'paid' } },
  },
  null,
  2,
);
const signed = (overrides: { timestamp?: number; secret?: string; body?: string } = {}) =>
  sdk.generateTestHeaderString({
    payload: overrides.body ?? payload,
    secret: overrides.secret ?? SECRET,
    timestamp: overrides.timestamp ?? T,
  });
const verify = (body: string, header: string | undefined, now = NOW) =>
  verifyStripeWebhook(
    Buffer.from(body),
    header === undefined ? {} : { 'stripe-signature': header },
    SECRET,
    now,
  );

describe('Stripe-Signature verification (our rule: |now − t| ≤ 300 s, any v1)', () => {
  it('accepts what the official SDK signs, and only then parses the event', () => {
    expect(verify(payload, signed()).id).toBe('evt_test_1');
  });

  it('finds the header whatever its case', () => {
    const event = verifyStripeWebhook(Buffer.from(payload), { 'Stripe-Signature': signed() }, SECRET, NOW);
    expect(event.type).toBe('checkout.session.completed');
  });

  it('rejects a body changed by one byte, or re-serialised JSON', () => {
    expect(() => verify(payload.replace('"paid"', '"unpaid"'), signed())).toThrow(WebhookSignatureError);
    expect(() => verify(JSON.stringify(JSON.parse(payload)), signed())).toThrow(WebhookSignatureError);
  });

  it('rejects another endpoint’s secret', () => {
    expect(() => verify(payload, signed({ secret: 'whsec_other' }))).toThrow(/no_matching_signature/);
  });

  it('accepts 300 s either way and rejects 301 s, in the past and in the future', () => {
    expect(verify(payload, signed({ timestamp: T - 300 })).id).toBe('evt_test_1');
    expect(verify(payload, signed({ timestamp: T + 300 })).id).toBe('evt_test_1');
    expect(() => verify(payload, signed({ timestamp: T - 301 }))).toThrow(/timestamp_outside_tolerance/);
    expect(() => verify(payload, signed({ timestamp: T + 301 }))).toThrow(/timestamp_outside_tolerance/);
  });

  it('accepts any matching v1 during a secret rotation and ignores v0', () => {
    const good = signed().split('v1=')[1];
    expect(verify(payload, `t=${T},v1=${'0'.repeat(64)},v1=${good},v0=${'f'.repeat(64)}`).id).toBe(
      'evt_test_1',
    );
    expect(() => verify(payload, `t=${T},v0=${good}`)).toThrow(/no_v1_signature/);
  });

  it('rejects a missing or malformed header', () => {
    expect(() => verify(payload, undefined)).toThrow(/missing_header/);
    expect(() => verify(payload, `v1=${signed().split('v1=')[1]}`)).toThrow(/malformed_header/);
  });

  it('refuses a genuine body that is not a Stripe event', () => {
    const body = '{"hello":"world"}';
    expect(() => verify(body, signed({ body }))).toThrow(WebhookPayloadError);
  });
});
