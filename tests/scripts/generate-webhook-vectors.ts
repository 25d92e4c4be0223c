/**
 * Writes tests/vectors/stripe-webhook-signatures.json: Stripe-Signature cases for every webhook verifier in
 * Guichet (the Node adapter's and the PHP adapter's). Headers come from the official SDK's
 * `generateTestHeaderString`; `stripe_node` records what the SDK's `constructEvent` decides, so the file also
 * documents where our rule differs from stripe-node (future timestamps). Fixed timestamps and secrets make the
 * output byte-identical on every run:
 *
 *   npx tsx tests/scripts/generate-webhook-vectors.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Stripe from 'stripe';

export const VECTORS_PATH = join(__dirname, '..', 'vectors', 'stripe-webhook-signatures.json');

/** 2026-11-18T16:53:20Z, a fixed signing time. */
const T = 1795020800;
const TOLERANCE = 300;
const SECRET = 'whsec_test_guichet_vectors_1';
const PREVIOUS_SECRET = 'whsec_test_guichet_vectors_previous';
const WRONG_SECRET = 'whsec_test_guichet_vectors_wrong';

export type Verdict = 'valid' | 'invalid';

export interface WebhookVector {
  name: string;
  /** The exact raw request body, as bytes on the wire (UTF-8). */
  payload: string;
  /** The Stripe-Signature header, or null when the request has none. */
  header: string | null;
  secret: string;
  /** The verifier's current time, unix seconds. */
  now: number;
  /** Allowed |now − t| in seconds. */
  tolerance: number;
  /** Guichet's verdict (stripe-php rule). */
  expected: Verdict;
  reason: string;
  /** What stripe-node 23's constructEvent(payload, header, secret, tolerance, undefined, now * 1000) decides. */
  stripe_node: Verdict;
}

const stripe = new Stripe('sk_test_vectors_only_not_a_key');

function sign(payload: string, timestamp: number, secret = SECRET, scheme = 'v1'): string {
  return stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp, scheme });
}

/** The `v1=`/`v0=` value of a header made by `sign`. */
function signatureOf(header: string): string {
  return header.slice(header.indexOf(',') + 1).split('=')[1] ?? '';
}

/** A realistic event body with non-ASCII text, pretty-printed with two spaces as Stripe sends it. */
function eventPayload(): string {
  const event = {
    id: 'evt_1GuichetVectors0000001',
    object: 'event',
    api_version: '2026-10-28.endive',
    created: T - 2,
    data: {
      object: {
        id: 'cs_test_a1GuichetVectorsSession0000000000000000000000000001',
        object: 'checkout.session',
        amount_subtotal: 2500,
        amount_total: 2500,
        client_reference_id: 'submission-42',
        currency: 'eur',
        customer_details: { email: 'donatrice@example.test', name: 'Élise Dupré' },
        metadata: { form: 'don-hiver', note: 'Merci ! — 25 € pour la soupe populaire 🍲' },
        mode: 'payment',
        payment_intent: 'pi_3GuichetVectors0000001',
        payment_status: 'paid',
        status: 'complete',
        ui_mode: 'embedded_page',
      },
    },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: 'checkout.session.completed',
  };
  return JSON.stringify(event, null, 2);
}

function nodeVerdict(vector: Omit<WebhookVector, 'stripe_node'>): Verdict {
  try {
    stripe.webhooks.constructEvent(
      vector.payload,
      vector.header as string,
      vector.secret,
      vector.tolerance,
      undefined,
      vector.now * 1000,
    );
    return 'valid';
  } catch {
    return 'invalid';
  }
}

export function buildWebhookVectors(): {
  about: string;
  scheme: Record<string, string>;
  generated_with: string;
  cases: WebhookVector[];
} {
  const payload = eventPayload();
  const header = sign(payload, T);
  const small = '{"id":"evt_1GuichetVectors0000002","object":"event","type":"payment_intent.succeeded"}';
  const cases: Omit<WebhookVector, 'stripe_node'>[] = [
    {
      name: 'valid',
      payload,
      header,
      secret: SECRET,
      now: T + 5,
      tolerance: TOLERANCE,
      expected: 'valid',
      reason: 'signed with the secret, received 5 s later',
    },
    {
      name: 'valid at the tolerance edge',
      payload,
      header,
      secret: SECRET,
      now: T + TOLERANCE,
      tolerance: TOLERANCE,
      expected: 'valid',
      reason: 'now − t = 300 = tolerance: still accepted (the rule is ≤)',
    },
    {
      name: 'valid compact body',
      payload: small,
      header: sign(small, T),
      secret: SECRET,
      now: T,
      tolerance: TOLERANCE,
      expected: 'valid',
      reason: 'any byte sequence can be signed; received at the signing second',
    },
    {
      name: 'valid with v0 alongside v1',
      payload,
      header: `${header},v0=${signatureOf(sign(payload, T, SECRET, 'v0'))}`,
      secret: SECRET,
      now: T + 5,
      tolerance: TOLERANCE,
      expected: 'valid',
      reason: 'v0 is a legacy test scheme: ignored, the v1 signature decides',
    },
    {
      name: 'rotated secret, second v1 matches',
      payload,
      header: `t=${T},v1=${signatureOf(sign(payload, T, PREVIOUS_SECRET))},v1=${signatureOf(header)}`,
      secret: SECRET,
      now: T + 5,
      tolerance: TOLERANCE,
      expected: 'valid',
      reason: 'during a secret roll Stripe sends one v1 per active secret; accept if any matches',
    },
    {
      name: 'rotated secret, first v1 matches',
      payload,
      header: `t=${T},v1=${signatureOf(header)},v1=${signatureOf(sign(payload, T, PREVIOUS_SECRET))}`,
      secret: SECRET,
      now: T + 5,
      tolerance: TOLERANCE,
      expected: 'valid',
      reason: 'the order of the v1 values does not matter',
    },
    {
      name: 'future timestamp within tolerance',
      payload,
      header: sign(payload, T + 200),
      secret: SECRET,
      now: T,
      tolerance: TOLERANCE,
      expected: 'valid',
      reason: 't is 200 s ahead of now (clock skew): |now − t| = 200 ≤ 300',
    },
    {
      name: 'future timestamp beyond tolerance',
      payload,
      header: sign(payload, T + 3600),
      secret: SECRET,
      now: T,
      tolerance: TOLERANCE,
      expected: 'invalid',
      reason:
        'Guichet rule (stripe-php): |now − t| = 3600 > 300 → reject. stripe-node only rejects old timestamps (now − t > tolerance) and accepts this one',
    },
    {
      name: 'stale timestamp',
      payload,
      header,
      secret: SECRET,
      now: T + TOLERANCE + 1,
      tolerance: TOLERANCE,
      expected: 'invalid',
      reason: 'now − t = 301 > 300: a replayed or very late delivery',
    },
    {
      name: 'stale timestamp, wider tolerance',
      payload,
      header,
      secret: SECRET,
      now: T + TOLERANCE + 1,
      tolerance: 600,
      expected: 'valid',
      reason: 'the same delivery with tolerance 600: 301 ≤ 600',
    },
    {
      name: 'tampered body',
      payload: payload.replace('"amount_total": 2500', '"amount_total": 250000'),
      header,
      secret: SECRET,
      now: T + 5,
      tolerance: TOLERANCE,
      expected: 'invalid',
      reason: 'the body changed after signing (amount_total 2500 → 250000)',
    },
    {
      name: 'wrong secret',
      payload,
      header: sign(payload, T, WRONG_SECRET),
      secret: SECRET,
      now: T + 5,
      tolerance: TOLERANCE,
      expected: 'invalid',
      reason: 'signed with another endpoint’s secret',
    },
    {
      name: 'v0 only',
      payload,
      header: sign(payload, T, SECRET, 'v0'),
      secret: SECRET,
      now: T + 5,
      tolerance: TOLERANCE,
      expected: 'invalid',
      reason: 'no v1 signature at all (the v0 value is even a correct HMAC): other schemes never count',
    },
    {
      name: 'timestamp not covered by the signature',
      payload,
      header: `t=${T + 60},v1=${signatureOf(header)}`,
      secret: SECRET,
      now: T + 60,
      tolerance: TOLERANCE,
      expected: 'invalid',
      reason: 'an attacker refreshing t on an old signature: t is part of the signed text "<t>.<body>"',
    },
    {
      name: 're-serialised JSON',
      payload: JSON.stringify(JSON.parse(payload)),
      header,
      secret: SECRET,
      now: T + 5,
      tolerance: TOLERANCE,
      expected: 'invalid',
      reason: 'same JSON value, different bytes (compact): verify the raw body, never a re-encoded one',
    },
    {
      name: 'trailing newline added',
      payload: `${payload}\n`,
      header,
      secret: SECRET,
      now: T + 5,
      tolerance: TOLERANCE,
      expected: 'invalid',
      reason: 'one extra byte after the body',
    },
    {
      name: 'uppercase hex signature',
      payload,
      header: `t=${T},v1=${signatureOf(header).toUpperCase()}`,
      secret: SECRET,
      now: T + 5,
      tolerance: TOLERANCE,
      expected: 'invalid',
      reason: 'signatures are compared as exact lower-case hex strings (Stripe sends lower case)',
    },
    {
      name: 'space after comma',
      payload,
      header: `t=${T}, v1=${signatureOf(header)}`,
      secret: SECRET,
      now: T + 5,
      tolerance: TOLERANCE,
      expected: 'invalid',
      reason:
        'items are split on "," without trimming, so " v1" is not the v1 scheme (Stripe never sends spaces)',
    },
    {
      name: 'malformed header',
      payload,
      header: 'this is not a signature',
      secret: SECRET,
      now: T + 5,
      tolerance: TOLERANCE,
      expected: 'invalid',
      reason: 'no t= and no v1=',
    },
    {
      name: 'header without timestamp',
      payload,
      header: `v1=${signatureOf(header)}`,
      secret: SECRET,
      now: T + 5,
      tolerance: TOLERANCE,
      expected: 'invalid',
      reason: 'no t= item',
    },
    {
      name: 'non-numeric timestamp',
      payload,
      header: `t=soon,v1=${signatureOf(header)}`,
      secret: SECRET,
      now: T + 5,
      tolerance: TOLERANCE,
      expected: 'invalid',
      reason: 't must be an integer number of seconds',
    },
    {
      name: 'empty header',
      payload,
      header: '',
      secret: SECRET,
      now: T + 5,
      tolerance: TOLERANCE,
      expected: 'invalid',
      reason: 'the header is present but empty',
    },
    {
      name: 'missing header',
      payload,
      header: null,
      secret: SECRET,
      now: T + 5,
      tolerance: TOLERANCE,
      expected: 'invalid',
      reason: 'no Stripe-Signature header',
    },
    {
      name: 'empty body',
      payload: '',
      header: sign('', T),
      secret: SECRET,
      now: T + 5,
      tolerance: TOLERANCE,
      expected: 'invalid',
      reason: 'an empty body is never a Stripe event, even correctly signed',
    },
  ];
  return {
    about:
      'Stripe webhook signature test vectors for every Guichet verifier (Node adapter, PHP adapter). Each case gives the raw ' +
      'request body (`payload`, exact bytes as UTF-8), the Stripe-Signature `header` (null = header absent), the endpoint ' +
      '`secret`, the verifier clock `now` (unix seconds) and `tolerance` (seconds); `expected` is Guichet’s verdict, ' +
      '`reason` says why, and `stripe_node` is what the official stripe-node SDK decides with the same inputs. They differ ' +
      'only for future timestamps: Guichet follows stripe-php (reject when |now − t| > tolerance), stripe-node only rejects ' +
      'old ones. Secrets are fake test values. Regenerate with `npx tsx tests/scripts/generate-webhook-vectors.ts`; the ' +
      'output is byte-identical on every run.',
    scheme: {
      header:
        'Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…][,v0=<hex>] — split on ",", then each item on its first "="',
      signed_payload: '<t> + "." + <raw body bytes>',
      signature:
        'lower-case hex of HMAC-SHA256, key = the whole secret string "whsec_…" as UTF-8 bytes (not base64-decoded)',
      accept:
        'any v1 equal to the expected signature (constant-time comparison); ignore v0 and unknown schemes',
      timestamp: '|now − t| ≤ tolerance (stripe-php rule; default tolerance 300 s)',
      reject_also: 'missing or empty header, no t, no v1, empty body',
    },
    generated_with:
      'stripe-node 23.1.0 webhooks.generateTestHeaderString (headers) and webhooks.constructEvent (stripe_node)',
    cases: cases.map((vector) => ({ ...vector, stripe_node: nodeVerdict(vector) })),
  };
}

export function renderWebhookVectors(): string {
  return `${JSON.stringify(buildWebhookVectors(), null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(VECTORS_PATH, renderWebhookVectors());
  console.log(`wrote ${VECTORS_PATH}`);
}
