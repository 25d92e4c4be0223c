import { Type, type Static } from '@sinclair/typebox';
import { Currency, Id, LocalizedText } from './common';
import {
  FeeRule,
  PromoCode,
  customField,
  donationPart,
  eventInfo,
  membershipPart,
  paymentSettings,
  salesWindow,
  taxReceiptSettings,
  ticketTypeBase,
} from './form-parts';

/** FormConfig: what an editor configures and a host stores (texts may carry both languages; promo codes are secret). */

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
