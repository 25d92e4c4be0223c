import { Value } from '@sinclair/typebox/value';
import { SIMULATION_SIGNATURE_HEADER, SimulationEvent, WEBHOOK_TOLERANCE_SECONDS } from '../../protocol';
import { WebhookPayloadError, WebhookSignatureError, type ProviderEvent } from '../types';
import { checkSignature, headerValue, signatureHeader } from '../shared/signed-header';
import { ensureDateTimeFormat } from '../shared/formats';

ensureDateTimeFormat();

/**
 * POST {base}/webhooks/simulation: events a test or the demo sends to play what a real processor would push
 * later (a dispute, a refund made elsewhere, an expiry). Signed like Stripe's (`Guichet-Signature`, same
 * scheme and tolerance) with the site's simulation secret, and verified on the raw body before parsing.
 */
export function receiveSimulationEvent(
  secret: string,
  rawBody: Buffer,
  headers: Record<string, string | string[] | undefined>,
  now: Date,
): ProviderEvent[] {
  const header = headerValue(headers, SIMULATION_SIGNATURE_HEADER);
  const check = checkSignature(rawBody, header, secret, now, WEBHOOK_TOLERANCE_SECONDS);
  if (!check.ok) throw new WebhookSignatureError(`Simulation webhook rejected: ${check.reason}`);
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new WebhookPayloadError('Simulation webhook body is not JSON');
  }
  if (!Value.Check(SimulationEvent, body))
    throw new WebhookPayloadError('Simulation webhook body is not an event');
  return [
    {
      id: body.id,
      type: body.type,
      orderId: body.orderId,
      occurredAt: new Date(body.createdAt),
      ...(body.amount === undefined ? {} : { amount: body.amount }),
      ...(body.failureCode === undefined ? {} : { failure: { code: body.failureCode } }),
    },
  ];
}

/** The body and header of a simulation event, as a test or the demo's "trigger" buttons send it. */
export function signSimulationEvent(
  secret: string,
  event: SimulationEvent,
  now: Date,
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(event);
  const header = signatureHeader(body, secret, Math.floor(now.getTime() / 1000));
  return {
    body,
    headers: { [SIMULATION_SIGNATURE_HEADER.toLowerCase()]: header, 'content-type': 'application/json' },
  };
}
