import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { BasisPoints, DateTime, Id, MinorAmount, PlainText } from './common';

/**
 * The parts both form shapes are built from (form-config.ts, form-definition.ts): the enumerations, and the
 * sections that take the text type as a parameter — LocalizedText in a FormConfig, PlainText once resolved.
 */

export const FormKind = Type.Union(
  [Type.Literal('donation'), Type.Literal('membership'), Type.Literal('tickets')],
  {
    title: 'FormKind',
  },
);
export type FormKind = Static<typeof FormKind>;

export const Frequency = Type.Union([Type.Literal('once'), Type.Literal('monthly'), Type.Literal('yearly')], {
  title: 'Frequency',
});
export type Frequency = Static<typeof Frequency>;

export const MembershipPeriod = Type.Union(
  [
    Type.Literal('rolling_year'),
    Type.Literal('calendar_year'),
    Type.Literal('month'),
    Type.Literal('lifetime'),
  ],
  { title: 'MembershipPeriod' },
);
export type MembershipPeriod = Static<typeof MembershipPeriod>;

export const ProviderId = Type.Union(
  [Type.Literal('stripe'), Type.Literal('simulation'), Type.Literal('offline')],
  {
    title: 'ProviderId',
  },
);
export type ProviderId = Static<typeof ProviderId>;

export const OfflineMethod = Type.Union(
  [Type.Literal('cheque'), Type.Literal('transfer'), Type.Literal('cash')],
  {
    title: 'OfflineMethod',
  },
);
export type OfflineMethod = Static<typeof OfflineMethod>;

export const TaxScheme = Type.Union([Type.Literal('general'), Type.Literal('coluche')], {
  title: 'TaxScheme',
  description:
    "'general': 66 % within 20 % of income (art. 200 CGI); 'coluche': 75 % up to the year's ceiling.",
});
export type TaxScheme = Static<typeof TaxScheme>;

/** A processor's fee rule, so a payer may choose to cover it: fee = amount × percent + fixed. */
export const FeeRule = Type.Object(
  { percentBps: BasisPoints, fixed: MinorAmount },
  { title: 'FeeRule', additionalProperties: false },
);
export type FeeRule = Static<typeof FeeRule>;

export const CustomFieldType = Type.Union(
  [Type.Literal('text'), Type.Literal('choice'), Type.Literal('date'), Type.Literal('checkbox')],
  { title: 'CustomFieldType' },
);

export const customField = <T extends TSchema>(text: T) =>
  Type.Object(
    {
      id: Id,
      type: CustomFieldType,
      label: text,
      help: Type.Optional(text),
      required: Type.Boolean({ default: false }),
      maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000 })),
      options: Type.Optional(
        Type.Array(Type.Object({ value: Id, label: text }, { additionalProperties: false }), {
          maxItems: 50,
        }),
      ),
    },
    { additionalProperties: false },
  );

export const taxReceiptSettings = Type.Object(
  {
    enabled: Type.Boolean(),
    scheme: TaxScheme,
    minimumAmount: Type.Optional(MinorAmount),
  },
  { additionalProperties: false },
);

export const donationPart = Type.Object(
  {
    presets: Type.Array(MinorAmount, { minItems: 0, maxItems: 8 }),
    presetsMonthly: Type.Optional(Type.Array(MinorAmount, { maxItems: 8 })),
    defaultAmount: Type.Optional(MinorAmount),
    allowCustomAmount: Type.Boolean({ default: true }),
    minimum: MinorAmount,
    maximum: MinorAmount,
    frequencies: Type.Array(Frequency, { minItems: 1, maxItems: 3, uniqueItems: true }),
    defaultFrequency: Type.Optional(Frequency),
    goal: Type.Optional(MinorAmount),
    allowAnonymous: Type.Boolean({ default: true }),
    allowDedication: Type.Boolean({ default: false }),
  },
  { additionalProperties: false },
);

const tierPrice = Type.Union([
  Type.Object({ type: Type.Literal('fixed'), amount: MinorAmount }, { additionalProperties: false }),
  Type.Object(
    {
      type: Type.Literal('range'),
      minimum: MinorAmount,
      maximum: MinorAmount,
      suggested: Type.Optional(MinorAmount),
    },
    { additionalProperties: false, description: 'Pay what you can, within bounds.' },
  ),
]);

const tier = <T extends TSchema>(text: T) =>
  Type.Object(
    {
      id: Id,
      name: text,
      description: Type.Optional(text),
      period: MembershipPeriod,
      price: tierPrice,
      per: Type.Union([Type.Literal('member'), Type.Literal('order')], {
        default: 'member',
        description: "'member': price × number of members; 'order': one price for the household.",
      }),
      taxEligibleAmount: Type.Optional(
        Type.Integer({
          minimum: 0,
          description:
            'Part of the price eligible for a tax receipt (benefits in return excluded). Absent: none.',
        }),
      ),
    },
    { additionalProperties: false },
  );

export const membershipPart = <T extends TSchema>(text: T) =>
  Type.Object(
    {
      tiers: Type.Array(tier(text), { minItems: 1, maxItems: 20 }),
      maxMembers: Type.Integer({ minimum: 1, maximum: 20, default: 1 }),
      allowExtraDonation: Type.Boolean({ default: false }),
      autoRenew: Type.Boolean({ default: false }),
      fields: Type.Array(customField(text), { maxItems: 30, default: [] }),
    },
    { additionalProperties: false },
  );

export const ticketTypeBase = <T extends TSchema>(text: T) => ({
  id: Id,
  name: text,
  description: Type.Optional(text),
  price: MinorAmount,
  maxPerOrder: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});

export const PromoCodeDiscount = Type.Union([
  Type.Object({ type: Type.Literal('percent'), percentBps: BasisPoints }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('amount'), amount: MinorAmount }, { additionalProperties: false }),
]);

export const PromoCode = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Za-z0-9_-]{2,40}$' }),
    discount: PromoCodeDiscount,
    ticketTypes: Type.Optional(Type.Array(Id, { description: 'Ticket types it applies to; absent: all.' })),
    maxUses: Type.Optional(Type.Integer({ minimum: 1 })),
    validUntil: Type.Optional(DateTime),
  },
  { title: 'PromoCode', additionalProperties: false },
);
export type PromoCode = Static<typeof PromoCode>;

export const eventInfo = <T extends TSchema>(text: T) =>
  Type.Object(
    { startsAt: DateTime, endsAt: Type.Optional(DateTime), location: Type.Optional(text) },
    { additionalProperties: false },
  );

export const salesWindow = Type.Object(
  { opensAt: Type.Optional(DateTime), closesAt: Type.Optional(DateTime) },
  { additionalProperties: false },
);

export const paymentSettings = Type.Object(
  {
    providers: Type.Array(ProviderId, { minItems: 1, uniqueItems: true }),
    offlineMethods: Type.Optional(Type.Array(OfflineMethod, { uniqueItems: true })),
  },
  { additionalProperties: false },
);

export type CustomField = Static<ReturnType<typeof customField<typeof PlainText>>>;
