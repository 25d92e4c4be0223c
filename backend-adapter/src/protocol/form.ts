import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { BasisPoints, Currency, DateTime, Id, LocalizedText, MinorAmount, PlainText } from './common';

/**
 * Forms exist in two shapes built from the same parts:
 * - FormConfig: what an editor configures and a host stores (texts may carry both languages; promo codes are secret);
 * - FormDefinition: what `GET forms/{id}` answers (texts resolved for the payer, live availability, no secret).
 * Building both from one factory keeps them from drifting apart.
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

const customField = <T extends TSchema>(text: T) =>
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

const taxReceiptSettings = Type.Object(
  {
    enabled: Type.Boolean(),
    scheme: TaxScheme,
    minimumAmount: Type.Optional(MinorAmount),
  },
  { additionalProperties: false },
);

const donationPart = Type.Object(
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

const membershipPart = <T extends TSchema>(text: T) =>
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

const ticketTypeBase = <T extends TSchema>(text: T) => ({
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

const eventInfo = <T extends TSchema>(text: T) =>
  Type.Object(
    { startsAt: DateTime, endsAt: Type.Optional(DateTime), location: Type.Optional(text) },
    { additionalProperties: false },
  );

const salesWindow = Type.Object(
  { opensAt: Type.Optional(DateTime), closesAt: Type.Optional(DateTime) },
  { additionalProperties: false },
);

const paymentSettings = Type.Object(
  {
    providers: Type.Array(ProviderId, { minItems: 1, uniqueItems: true }),
    offlineMethods: Type.Optional(Type.Array(OfflineMethod, { uniqueItems: true })),
  },
  { additionalProperties: false },
);

const commonConfig = {
  id: Id,
  title: LocalizedText,
  description: Type.Optional(LocalizedText),
  currency: Currency,
  closed: Type.Optional(Type.Boolean({ description: 'Closed by the editor: no new order.' })),
  payment: paymentSettings,
  feeCoverage: Type.Optional(FeeRule),
};

export const DonationFormConfig = Type.Object(
  {
    kind: Type.Literal('donation'),
    ...commonConfig,
    taxReceipt: Type.Optional(taxReceiptSettings),
    donation: donationPart,
  },
  { title: 'DonationFormConfig', additionalProperties: false },
);

export const MembershipFormConfig = Type.Object(
  {
    kind: Type.Literal('membership'),
    ...commonConfig,
    taxReceipt: Type.Optional(taxReceiptSettings),
    membership: membershipPart(LocalizedText),
  },
  { title: 'MembershipFormConfig', additionalProperties: false },
);

export const TicketsFormConfig = Type.Object(
  {
    kind: Type.Literal('tickets'),
    ...commonConfig,
    tickets: Type.Object(
      {
        event: Type.Optional(eventInfo(LocalizedText)),
        salesWindow: Type.Optional(salesWindow),
        types: Type.Array(
          Type.Object(
            {
              ...ticketTypeBase(LocalizedText),
              quota: Type.Optional(
                Type.Integer({ minimum: 0, description: 'Seats for sale; absent: unlimited.' }),
              ),
            },
            { additionalProperties: false },
          ),
          { minItems: 1, maxItems: 30 },
        ),
        maxPerOrder: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
        attendeeNames: Type.Boolean({ default: false, description: 'Ask one attendee name per ticket.' }),
        promoCodes: Type.Array(PromoCode, { default: [] }),
        holdMinutes: Type.Integer({ minimum: 5, maximum: 1440, default: 30 }),
        fields: Type.Array(customField(LocalizedText), { maxItems: 30, default: [] }),
      },
      { additionalProperties: false },
    ),
  },
  { title: 'TicketsFormConfig', additionalProperties: false },
);

export const FormConfig = Type.Union([DonationFormConfig, MembershipFormConfig, TicketsFormConfig], {
  title: 'FormConfig',
});
export type DonationFormConfig = Static<typeof DonationFormConfig>;
export type MembershipFormConfig = Static<typeof MembershipFormConfig>;
export type TicketsFormConfig = Static<typeof TicketsFormConfig>;
export type FormConfig = Static<typeof FormConfig>;

/* ---------- Public definition: GET {base}/forms/{id} ---------- */

export const PublicPaymentMethod = Type.Union(
  [
    Type.Object(
      {
        provider: Type.Literal('stripe'),
        publishableKey: Type.String({ pattern: '^pk_(test|live)_' }),
        uiMode: Type.Union([Type.Literal('embedded_page'), Type.Literal('elements')]),
      },
      { additionalProperties: false },
    ),
    Type.Object({ provider: Type.Literal('simulation') }, { additionalProperties: false }),
    Type.Object(
      { provider: Type.Literal('offline'), method: OfflineMethod },
      { additionalProperties: false },
    ),
  ],
  { title: 'PublicPaymentMethod' },
);
export type PublicPaymentMethod = Static<typeof PublicPaymentMethod>;

export const FormStatus = Type.Union(
  [Type.Literal('open'), Type.Literal('closed'), Type.Literal('not_yet_open'), Type.Literal('sold_out')],
  { title: 'FormStatus' },
);
export type FormStatus = Static<typeof FormStatus>;

/** The tax rule that applies to the form, copied from the versioned rules file so the widget can preview it. */
export const PublicTaxReduction = Type.Object(
  {
    scheme: TaxScheme,
    rateBps: BasisPoints,
    ceiling: Type.Optional(MinorAmount),
    /** Rate of the part of a gift above `ceiling` (for 'coluche': the general 66 %). */
    aboveCeilingRateBps: Type.Optional(BasisPoints),
    incomeCapBps: Type.Optional(BasisPoints),
    rulesVersion: Type.String(),
    minimumAmount: Type.Optional(MinorAmount),
  },
  { title: 'PublicTaxReduction', additionalProperties: false },
);
export type PublicTaxReduction = Static<typeof PublicTaxReduction>;

const commonPublic = {
  protocol: Type.Literal(1),
  id: Id,
  locale: Type.Union([Type.Literal('fr'), Type.Literal('en')]),
  title: PlainText,
  description: Type.Optional(PlainText),
  currency: Currency,
  status: FormStatus,
  organization: Type.Object({ name: PlainText }, { additionalProperties: false }),
  paymentMethods: Type.Array(PublicPaymentMethod),
  feeCoverage: Type.Optional(FeeRule),
};

export const DonationFormDefinition = Type.Object(
  {
    kind: Type.Literal('donation'),
    ...commonPublic,
    taxReduction: Type.Optional(PublicTaxReduction),
    donation: Type.Composite([
      Type.Omit(donationPart, ['goal']),
      Type.Object({
        goal: Type.Optional(
          Type.Object({ amount: MinorAmount, raised: MinorAmount }, { additionalProperties: false }),
        ),
      }),
    ]),
  },
  { title: 'DonationFormDefinition', additionalProperties: false },
);

export const MembershipFormDefinition = Type.Object(
  {
    kind: Type.Literal('membership'),
    ...commonPublic,
    taxReduction: Type.Optional(PublicTaxReduction),
    membership: membershipPart(PlainText),
  },
  { title: 'MembershipFormDefinition', additionalProperties: false },
);

export const PublicTicketType = Type.Object(
  {
    ...ticketTypeBase(PlainText),
    available: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
      description: 'Seats left now (quota − sold − held); null: unlimited.',
    }),
  },
  { title: 'PublicTicketType', additionalProperties: false },
);

export const TicketsFormDefinition = Type.Object(
  {
    kind: Type.Literal('tickets'),
    ...commonPublic,
    tickets: Type.Object(
      {
        event: Type.Optional(eventInfo(PlainText)),
        salesWindow: Type.Optional(salesWindow),
        types: Type.Array(PublicTicketType),
        maxPerOrder: Type.Integer({ minimum: 1 }),
        attendeeNames: Type.Boolean(),
        hasPromoCodes: Type.Boolean({
          description: 'Show a promo code field; the codes themselves stay on the server.',
        }),
        fields: Type.Array(customField(PlainText)),
      },
      { additionalProperties: false },
    ),
  },
  { title: 'TicketsFormDefinition', additionalProperties: false },
);

export const FormDefinition = Type.Union(
  [DonationFormDefinition, MembershipFormDefinition, TicketsFormDefinition],
  {
    title: 'FormDefinition',
  },
);
export type DonationFormDefinition = Static<typeof DonationFormDefinition>;
export type MembershipFormDefinition = Static<typeof MembershipFormDefinition>;
export type TicketsFormDefinition = Static<typeof TicketsFormDefinition>;
export type FormDefinition = Static<typeof FormDefinition>;
export type CustomField = Static<ReturnType<typeof customField<typeof PlainText>>>;
