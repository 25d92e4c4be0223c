/**
 * Stripe's webhook signature: `t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. The key is the whole
 * `whsec_…` string as bytes (not base64-decoded). See tests/vectors/stripe-webhook-signatures.json.
 */
import { createHmac } from 'node:crypto';

export function computeSignature(payload: string, secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
}

export function signatureHeader(payload: string, secret: string, timestamp: number): string {
  return `t=${timestamp},v1=${computeSignature(payload, secret, timestamp)}`;
}
