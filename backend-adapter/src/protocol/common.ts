import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** Version of the widget ↔ host protocol described in docs/protocol.md. */
export const PROTOCOL_VERSION = 1;

export const Locale = Type.Union([Type.Literal('fr'), Type.Literal('en')], {
  title: 'Locale',
  description: 'Language of the payer: every human message in a response is in this language.',
});
export type Locale = Static<typeof Locale>;
export const LOCALES: readonly Locale[] = ['fr', 'en'];

export const Currency = Type.String({
  title: 'Currency',
  pattern: '^[A-Z]{3}$',
  description: 'ISO 4217 code, upper case. Amounts next to it are integers in its minor unit.',
  examples: ['EUR'],
});

/** An amount in the minor unit of the currency it travels with (cents for EUR). Never a float. */
export const MinorAmount = Type.Integer({
  title: 'MinorAmount',
  minimum: 0,
  maximum: 100_000_000_00,
  description: 'Integer amount in minor units (2500 = 25,00 € in EUR).',
});

export const Money = Type.Object(
  { amount: MinorAmount, currency: Currency },
  { title: 'Money', additionalProperties: false },
);
export type Money = Static<typeof Money>;

/** Stable identifiers chosen by hosts: letters, digits, '-' and '_'. */
export const Id = Type.String({ title: 'Id', pattern: '^[A-Za-z0-9_-]{1,64}$' });

/** A date-time in RFC 3339 form, always with an offset. */
export const DateTime = Type.String({ title: 'DateTime', format: 'date-time' });

/** A calendar date (YYYY-MM-DD). */
export const DateOnly = Type.String({ title: 'DateOnly', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** Text an editor typed, in one or both languages; hosts resolve it for the payer's locale. */
export const LocalizedText = Type.Union(
  [
    Type.String({ maxLength: 2000 }),
    Type.Object(
      {
        fr: Type.Optional(Type.String({ maxLength: 2000 })),
        en: Type.Optional(Type.String({ maxLength: 2000 })),
      },
      { additionalProperties: false, minProperties: 1 },
    ),
  ],
  { title: 'LocalizedText' },
);
export type LocalizedText = Static<typeof LocalizedText>;

/** Text already resolved in the payer's locale (what public responses carry). */
export const PlainText = Type.String({ maxLength: 2000 });

/** Builds a nullable schema: `T | null`. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Rates are integers in basis points (6600 = 66 %), so no float ever touches money. */
export const BasisPoints = Type.Integer({
  minimum: 0,
  maximum: 10_000,
  description: 'Basis points: 6600 = 66 %.',
});
