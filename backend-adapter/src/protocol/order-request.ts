import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, Id, Locale, MinorAmount } from './common';
import { Frequency, OfflineMethod, ProviderId } from './form';

/**
 * POST {base}/forms/{id}/orders — what the payer chose. The host recomputes every amount from its own form
 * configuration; `expectedTotal` only lets it refuse when the payer was shown something else.
 */

const Name = Type.String({ minLength: 1, maxLength: 100 });

export const Address = Type.Object(
  {
    line1: Type.String({ minLength: 1, maxLength: 200 }),
    line2: Type.Optional(Type.String({ maxLength: 200 })),
    postalCode: Type.String({ minLength: 1, maxLength: 20 }),
    city: Type.String({ minLength: 1, maxLength: 100 }),
    country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2.' }),
  },
  { title: 'Address', additionalProperties: false },
);
export type Address = Static<typeof Address>;

export const Payer = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    firstName: Name,
    lastName: Name,
    company: Type.Optional(Type.String({ maxLength: 200 })),
    phone: Type.Optional(Type.String({ maxLength: 30 })),
    address: Type.Optional(Address),
  },
  { title: 'Payer', additionalProperties: false },
);
export type Payer = Static<typeof Payer>;

/** CNIL: charity appeals need only a free, easy objection; a newsletter needs an explicit opt-in. */
export const Consents = Type.Object(
  {
    solicitationObjection: Type.Boolean({ default: false }),
    newsletterOptIn: Type.Boolean({ default: false }),
  },
  { title: 'Consents', additionalProperties: false },
);

export const PaymentChoice = Type.Object(
  { provider: ProviderId, offlineMethod: Type.Optional(OfflineMethod) },
  { title: 'PaymentChoice', additionalProperties: false },
);

/**
 * How the payer's browser takes the next step. 'widget': the widget runs (it can confirm in the page).
 * 'redirect': no script runs — the host's plain HTML form posted — so the host must answer with something a
 * browser follows or reads by itself: a hosted payment page (`redirect`), offline instructions, or `completed`.
 */
export const PaymentFlow = Type.Union([Type.Literal('widget'), Type.Literal('redirect')], {
  title: 'PaymentFlow',
  default: 'widget',
  description: "'redirect' when no script runs in the payer's browser (a host's no-JS form posted).",
});
export type PaymentFlow = Static<typeof PaymentFlow>;

export const FieldValue = Type.Union([Type.String({ maxLength: 2000 }), Type.Boolean()]);
export const FieldValues = Type.Record(Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }), FieldValue);

const common = {
  locale: Locale,
  payment: PaymentChoice,
  payer: Payer,
  consents: Type.Optional(Consents),
  coverFees: Type.Optional(Type.Boolean({ default: false })),
  expectedTotal: Type.Optional(MinorAmount),
  returnUrl: Type.Optional(
    Type.String({ maxLength: 2000, description: 'Page to come back to after a redirect.' }),
  ),
  flow: Type.Optional(PaymentFlow),
};

export const DonationOrderRequest = Type.Object(
  {
    kind: Type.Literal('donation'),
    ...common,
    donation: Type.Object(
      {
        amount: Type.Integer(),
        frequency: Frequency,
        taxReceipt: Type.Optional(Type.Boolean({ default: false })),
        anonymous: Type.Optional(Type.Boolean({ default: false })),
        dedication: Type.Optional(Type.String({ maxLength: 500 })),
      },
      { additionalProperties: false },
    ),
  },
  { title: 'DonationOrderRequest', additionalProperties: false },
);

export const Member = Type.Object(
  {
    firstName: Name,
    lastName: Name,
    email: Type.Optional(Type.String({ maxLength: 254 })),
    birthDate: Type.Optional(DateOnly),
    fields: Type.Optional(FieldValues),
  },
  { title: 'Member', additionalProperties: false },
);
export type Member = Static<typeof Member>;

export const MembershipOrderRequest = Type.Object(
  {
    kind: Type.Literal('membership'),
    ...common,
    membership: Type.Object(
      {
        tierId: Id,
        amount: Type.Optional(Type.Integer({ description: "Chosen price for a 'range' tier." })),
        members: Type.Array(Member, { minItems: 1, maxItems: 20 }),
        extraDonation: Type.Optional(Type.Integer()),
        taxReceipt: Type.Optional(Type.Boolean({ default: false })),
      },
      { additionalProperties: false },
    ),
  },
  { title: 'MembershipOrderRequest', additionalProperties: false },
);

export const Attendee = Type.Object(
  { typeId: Id, firstName: Name, lastName: Name },
  { title: 'Attendee', additionalProperties: false },
);
export type Attendee = Static<typeof Attendee>;

export const TicketsOrderRequest = Type.Object(
  {
    kind: Type.Literal('tickets'),
    ...common,
    tickets: Type.Object(
      {
        items: Type.Array(
          Type.Object({ typeId: Id, quantity: Type.Integer() }, { additionalProperties: false }),
          {
            minItems: 1,
            maxItems: 30,
          },
        ),
        attendees: Type.Optional(Type.Array(Attendee, { maxItems: 100 })),
        promoCode: Type.Optional(Type.String({ maxLength: 40 })),
        fields: Type.Optional(FieldValues),
      },
      { additionalProperties: false },
    ),
  },
  { title: 'TicketsOrderRequest', additionalProperties: false },
);

export const OrderRequest = Type.Union([DonationOrderRequest, MembershipOrderRequest, TicketsOrderRequest], {
  title: 'OrderRequest',
});
export type DonationOrderRequest = Static<typeof DonationOrderRequest>;
export type MembershipOrderRequest = Static<typeof MembershipOrderRequest>;
export type TicketsOrderRequest = Static<typeof TicketsOrderRequest>;
export type OrderRequest = Static<typeof OrderRequest>;
