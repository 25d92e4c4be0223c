import { Type, type Static } from '@sinclair/typebox';

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
