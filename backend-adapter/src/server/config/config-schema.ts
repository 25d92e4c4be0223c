import { Type, type Static } from '@sinclair/typebox';
import { FormConfig, Id, Locale } from '../../protocol';
import { BENEFICIARY_STATUSES } from '../../domain/receipts';
import { OfflineSettings, StripeUiMode } from '../../providers';

/**
 * The Node host's configuration file (JSON). It lists the sites (tenants) this adapter serves, their forms and
 * their payment settings. Secrets are never written in it: the file names the environment variables that hold
 * them (`"secretKeyEnv": "STRIPE_SECRET_KEY"`), so the file can be committed and shared.
 */

const EnvName = Type.String({
  pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
  description: 'Name of an environment variable.',
});
const Origin = Type.String({ pattern: '^https?://[^/?#]+$', description: 'Scheme, host and port, no path.' });

export const StripeConfig = Type.Object(
  {
    secretKeyEnv: EnvName,
    webhookSecretEnv: EnvName,
    publishableKeyEnv: Type.Optional(EnvName),
    publishableKey: Type.Optional(Type.String({ pattern: '^pk_(test|live)_' })),
    apiBaseEnv: Type.Optional(EnvName),
    uiMode: Type.Optional(StripeUiMode),
    sepa: Type.Optional(Type.Boolean()),
    optional: Type.Optional(
      Type.Boolean({
        description: 'Leave Stripe off (instead of refusing to start) when its variables are not set.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type StripeConfig = Static<typeof StripeConfig>;

/**
 * The association as the issuer of tax receipts (cerfa 11580*05, docs/receipts.md); its name is the
 * organization's. Absent: no receipt is issued (the back-office says so).
 */
export const ReceiptsConfig = Type.Object(
  {
    address: Type.Object(
      {
        line1: Type.String(),
        line2: Type.Optional(Type.String()),
        postalCode: Type.String(),
        city: Type.String(),
        country: Type.String({ description: 'ISO 3166-1 alpha-2.' }),
      },
      { additionalProperties: false },
    ),
    object: Type.String({ description: "The association's object, one or two sentences." }),
    status: Type.Union(BENEFICIARY_STATUSES.map((status) => Type.Literal(status))),
    statusDetail: Type.Optional(
      Type.String({ description: 'Decree date (public_utility) or kind of body (other).' }),
    ),
    prefix: Type.Optional(
      Type.String({ description: 'Upper-case letters before every number (RF-2026-00001).' }),
    ),
    signatory: Type.Object({ name: Type.String(), role: Type.String() }, { additionalProperties: false }),
    signatureImagePath: Type.Optional(
      Type.String({ description: 'JPEG or PNG of the signature, relative to this file; read at start.' }),
    ),
    linkSecretEnv: Type.Optional(EnvName),
  },
  { additionalProperties: false },
);
export type ReceiptsConfig = Static<typeof ReceiptsConfig>;

export const SiteConfig = Type.Object(
  {
    id: Id,
    origins: Type.Array(Origin, {
      description: 'Pages allowed to call the public routes (CORS) and to be returned to.',
    }),
    organization: Type.Object(
      { name: Type.String({ minLength: 1, maxLength: 200 }), receipts: Type.Optional(ReceiptsConfig) },
      { additionalProperties: false },
    ),
    locale: Type.Optional(Locale),
    adminTokenEnv: Type.Optional(EnvName),
    providers: Type.Object(
      {
        stripe: Type.Optional(StripeConfig),
        simulation: Type.Optional(
          Type.Object(
            { enabled: Type.Boolean(), secretEnv: Type.Optional(EnvName) },
            { additionalProperties: false },
          ),
        ),
        offline: Type.Optional(OfflineSettings),
      },
      { additionalProperties: false },
    ),
    forms: Type.Array(FormConfig),
  },
  { additionalProperties: false },
);
export type SiteConfig = Static<typeof SiteConfig>;

export const StorageSetting = Type.Union([
  Type.Object({ sqlite: Type.String({ minLength: 1 }) }, { additionalProperties: false }),
  Type.Object(
    {
      postgres: Type.Object(
        { urlEnv: EnvName, maxConnections: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) },
        { additionalProperties: false },
      ),
    },
    { additionalProperties: false },
  ),
]);

export const ServerConfig = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    $comment: Type.Optional(Type.String()),
    listen: Type.Optional(
      Type.Object(
        {
          host: Type.Optional(Type.String()),
          port: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
        },
        { additionalProperties: false },
      ),
    ),
    publicUrl: Type.Optional(
      Type.String({
        pattern: '^https?://[^?#]+[^/]$',
        description: 'Where browsers reach this host; default: the listen address.',
      }),
    ),
    trustProxy: Type.Optional(
      Type.Boolean({ description: 'Take the client IP from X-Forwarded-For (behind a proxy).' }),
    ),
    storage: StorageSetting,
    limits: Type.Optional(
      Type.Object(
        {
          bodyBytes: Type.Optional(Type.Integer({ minimum: 1024 })),
          webhookBodyBytes: Type.Optional(Type.Integer({ minimum: 1024 })),
          ordersPerMinute: Type.Optional(Type.Integer({ minimum: 1 })),
          ordersBurst: Type.Optional(Type.Integer({ minimum: 1 })),
        },
        { additionalProperties: false },
      ),
    ),
    jobs: Type.Optional(
      Type.Object(
        {
          intervalSeconds: Type.Optional(Type.Integer({ minimum: 0, description: '0: no background job.' })),
          reconcileAfterSeconds: Type.Optional(Type.Integer({ minimum: 0 })),
        },
        { additionalProperties: false },
      ),
    ),
    widgets: Type.Optional(Type.Object({ dir: Type.String() }, { additionalProperties: false })),
    demoPage: Type.Optional(Type.Boolean()),
    sites: Type.Array(SiteConfig, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type ServerConfig = Static<typeof ServerConfig>;
