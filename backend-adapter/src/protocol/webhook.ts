import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Id, MinorAmount } from './common';

/** Answer to POST {base}/webhooks/{provider} once the signature has been verified. */
export const WebhookAck = Type.Object(
  {
    received: Type.Literal(true),
    eventId: Type.String(),
    duplicate: Type.Boolean({ description: 'True when this event id was already applied: nothing changed.' }),
  },
  { title: 'WebhookAck', additionalProperties: false },
);
export type WebhookAck = Static<typeof WebhookAck>;

/**
 * POST {base}/webhooks/simulation — an event of the simulation provider (settles a delayed payment, refunds…).
 * Signed like Stripe's events so every host exercises the same verify-the-raw-body-first path without an account:
 * header `Guichet-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
 */
export const SimulationEvent = Type.Object(
  {
    id: Type.String({
      pattern: '^[A-Za-z0-9_-]{1,255}$',
      description: 'Applied once: a repeated id is a duplicate.',
    }),
    type: Type.Union([
      Type.Literal('payment_succeeded'),
      Type.Literal('payment_failed'),
      Type.Literal('payment_expired'),
      Type.Literal('refunded'),
      Type.Literal('disputed'),
    ]),
    orderId: Id,
    amount: Type.Optional(MinorAmount),
    failureCode: Type.Optional(Type.String({ maxLength: 64 })),
    createdAt: DateTime,
  },
  { title: 'SimulationEvent', additionalProperties: false },
);
export type SimulationEvent = Static<typeof SimulationEvent>;

/** Header carrying the simulation provider's webhook signature. */
export const SIMULATION_SIGNATURE_HEADER = 'Guichet-Signature';
/** Seconds a signed timestamp stays acceptable, as for Stripe. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;
