import { Type, type Static } from '@sinclair/typebox';
import { LocalizedText } from '../protocol';

/**
 * A site's payment settings, as the host stores them (WordPress options, SPIP meta, the Node server's config).
 * Secrets (`secretKey`, `webhookSecret`, `simulation.secret`) stay on the server: providers read them and never
 * return, log or put them in an error. Everything a browser may see goes through `publicMethods()`.
 */

export const StripeUiMode = Type.Union([Type.Literal('embedded_page'), Type.Literal('elements')]);
export type StripeUiMode = Static<typeof StripeUiMode>;

export const StripeSettings = Type.Object(
  {
    secretKey: Type.String({
      pattern: '^(sk|rk)_(test|live)_',
      description: 'Secret or restricted key. Secret.',
    }),
    publishableKey: Type.String({ pattern: '^pk_(test|live)_' }),
    webhookSecret: Type.String({
      pattern: '^whsec_',
      description: 'Signing secret of the webhook endpoint. Secret.',
    }),
    uiMode: Type.Optional(StripeUiMode),
    apiBase: Type.Optional(
      Type.String({
        pattern: '^https?://',
        description:
          'Another API base than https://api.stripe.com, e.g. http://127.0.0.1:PORT for the emulator.',
      }),
    ),
    sepa: Type.Optional(
      Type.Boolean({ description: 'Offer SEPA Direct Debit besides cards (EUR orders only).' }),
    ),
  },
  { additionalProperties: false },
);
export type StripeSettings = Static<typeof StripeSettings>;

export const SimulationSettings = Type.Object(
  {
    enabled: Type.Boolean(),
    secret: Type.String({
      minLength: 16,
      description:
        'Signs the simulation client secrets and events, so any host can check them without storage.',
    }),
  },
  { additionalProperties: false },
);
export type SimulationSettings = Static<typeof SimulationSettings>;

export const OfflineSettings = Type.Object(
  {
    cheque: Type.Optional(
      Type.Object(
        { payee: Type.String({ minLength: 1 }), address: Type.String({ minLength: 1 }) },
        { additionalProperties: false },
      ),
    ),
    transfer: Type.Optional(
      Type.Object(
        {
          iban: Type.String({ pattern: '^[A-Z]{2}[0-9]{2}[A-Z0-9 ]{10,40}$' }),
          bic: Type.String({ pattern: '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$' }),
          holder: Type.String({ minLength: 1 }),
        },
        { additionalProperties: false },
      ),
    ),
    cash: Type.Optional(
      Type.Object(
        { text: LocalizedText },
        {
          additionalProperties: false,
          description: 'Where and when to pay, e.g. "At the desk, Saturdays 10–12".',
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export type OfflineSettings = Static<typeof OfflineSettings>;

export const ProviderSettings = Type.Object(
  {
    stripe: Type.Optional(StripeSettings),
    simulation: Type.Optional(SimulationSettings),
    offline: Type.Optional(OfflineSettings),
  },
  { title: 'ProviderSettings', additionalProperties: false },
);
export type ProviderSettings = Static<typeof ProviderSettings>;
