import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The simulation provider keeps no state: everything it must trust later travels in tokens signed with the
 * site's simulation secret, so any host — Node or PHP, any worker — can check them without storage.
 *
 * Format v1. Parts are joined with '_' and read from the right, because order ids may contain '_' but the
 * other parts never do. `mac` is the lowercase hex HMAC-SHA256, keyed with the secret's UTF-8 bytes, of the
 * parts joined with '|' behind a domain prefix, so a token of one kind never verifies as another:
 *
 *   client secret  sim_<orderId>_<amount>_<CUR>_<mac>
 *                  mac = HMAC(secret, "guichet-simulation-v1|client_secret|<orderId>|<amount>|<CUR>")
 *   payment ref    simpay_<orderId>_<amount>_<CUR>_<state>_<at>_<mac>
 *                  mac = HMAC(secret, "guichet-simulation-v1|payment|<orderId>|<amount>|<CUR>|<state>|<at>")
 *                  state: open (started) | paid | settling (paid once `at` has passed); at: unix seconds
 *   refund id      simre_<orderId>_<first 24 hex of HMAC(secret, "guichet-simulation-v1|refund|<orderId>|<amount>|<idempotencyKey>")>
 *
 * <amount> is the order total in minor units, decimal, no sign or leading zero; <CUR> the ISO 4217 code.
 */

const DOMAIN = 'guichet-simulation-v1';

export type PaymentState = 'open' | 'paid' | 'settling';

export interface SimulatedPayment {
  orderId: string;
  amount: number;
  currency: string;
}

export interface PaymentRef extends SimulatedPayment {
  state: PaymentState;
  /** Unix seconds: when it started (open), was paid (paid) or settles (settling). */
  at: number;
}

const ORDER_ID = '[A-Za-z0-9_-]{1,64}';
const AMOUNT = '[1-9][0-9]{0,14}';
const CURRENCY = '[A-Z]{3}';
const MAC = '[0-9a-f]{64}';
const CLIENT_SECRET = new RegExp(`^sim_(${ORDER_ID})_(${AMOUNT})_(${CURRENCY})_(${MAC})$`);
const PAYMENT_REF = new RegExp(
  `^simpay_(${ORDER_ID})_(${AMOUNT})_(${CURRENCY})_(open|paid|settling)_([0-9]{1,12})_(${MAC})$`,
);

function mac(secret: string, ...parts: (string | number)[]): string {
  return createHmac('sha256', secret)
    .update([DOMAIN, ...parts].join('|'), 'utf8')
    .digest('hex');
}

function sameMac(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function signClientSecret(secret: string, payment: SimulatedPayment): string {
  const { orderId, amount, currency } = payment;
  return `sim_${orderId}_${amount}_${currency}_${mac(secret, 'client_secret', orderId, amount, currency)}`;
}

/** The payment a client secret stands for, or null when it was not signed with this secret or was altered. */
export function verifyClientSecret(secret: string, clientSecret: string): SimulatedPayment | null {
  const match = CLIENT_SECRET.exec(clientSecret);
  if (match === null) return null;
  const [, orderId = '', amountText = '', currency = '', given = ''] = match;
  const amount = Number(amountText);
  if (!Number.isSafeInteger(amount)) return null;
  return sameMac(mac(secret, 'client_secret', orderId, amountText, currency), given)
    ? { orderId, amount, currency }
    : null;
}

export function signPaymentRef(secret: string, ref: PaymentRef): string {
  const { orderId, amount, currency, state, at } = ref;
  return `simpay_${orderId}_${amount}_${currency}_${state}_${at}_${mac(secret, 'payment', orderId, amount, currency, state, at)}`;
}

export function verifyPaymentRef(secret: string, providerRef: string): PaymentRef | null {
  const match = PAYMENT_REF.exec(providerRef);
  if (match === null) return null;
  const [, orderId = '', amountText = '', currency = '', state = '', atText = '', given = ''] = match;
  const amount = Number(amountText);
  const at = Number(atText);
  if (!Number.isSafeInteger(amount)) return null;
  if (!sameMac(mac(secret, 'payment', orderId, amountText, currency, state, atText), given)) return null;
  return { orderId, amount, currency, state: state as PaymentState, at };
}

export function refundId(secret: string, orderId: string, amount: number, idempotencyKey: string): string {
  return `simre_${orderId}_${mac(secret, 'refund', orderId, amount, idempotencyKey).slice(0, 24)}`;
}
