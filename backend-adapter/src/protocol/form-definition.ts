import { Type, type Static } from '@sinclair/typebox';
import { BasisPoints, Currency, Id, MinorAmount, PlainText } from './common';
import {
  FeeRule,
  OfflineMethod,
  TaxScheme,
  customField,
  donationPart,
  eventInfo,
  membershipPart,
  salesWindow,
  ticketTypeBase,
} from './form-parts';

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
