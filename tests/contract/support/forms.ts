import type {
  DonationFormConfig,
  MembershipFormConfig,
  OrderRequest,
  TicketsFormConfig,
} from '../../../backend-adapter/src/protocol';

/** The suite's forms: one of each kind, with a unique id per test so tests never share seats or counts. */

let serial = 0;
export const uniqueId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++serial}`;

const payment = {
  providers: ['stripe', 'simulation', 'offline'] as const,
  offlineMethods: ['cheque' as const],
};

export function donationForm(id = uniqueId('don')): DonationFormConfig {
  return {
    kind: 'donation',
    id,
    title: { fr: 'Soutenez le jardin', en: 'Support the garden' },
    currency: 'EUR',
    payment: { providers: [...payment.providers], offlineMethods: payment.offlineMethods },
    feeCoverage: { percentBps: 150, fixed: 25 },
    taxReceipt: { enabled: true, scheme: 'general' },
    donation: {
      presets: [1000, 2500, 5000],
      allowCustomAmount: true,
      minimum: 500,
      maximum: 1_000_000,
      frequencies: ['once', 'monthly'],
      allowAnonymous: true,
      allowDedication: false,
    },
  };
}

export function membershipForm(id = uniqueId('adh')): MembershipFormConfig {
  return {
    kind: 'membership',
    id,
    title: { fr: 'Adhérer', en: 'Join' },
    currency: 'EUR',
    payment: { providers: [...payment.providers], offlineMethods: payment.offlineMethods },
    membership: {
      tiers: [
        {
          id: 'individuelle',
          name: 'Individuelle',
          period: 'rolling_year',
          price: { type: 'fixed', amount: 1500 },
          per: 'member',
        },
        {
          id: 'famille',
          name: 'Famille',
          period: 'rolling_year',
          price: { type: 'fixed', amount: 3000 },
          per: 'order',
        },
        {
          id: 'solidaire',
          name: 'Solidaire',
          period: 'rolling_year',
          price: { type: 'range', minimum: 500, maximum: 1500 },
          per: 'member',
        },
      ],
      maxMembers: 6,
      allowExtraDonation: true,
      autoRenew: false,
      fields: [
        {
          id: 'quartier',
          type: 'text',
          label: { fr: 'Quartier', en: 'Area' },
          required: true,
          maxLength: 40,
        },
      ],
    },
  };
}

export function ticketsForm(opts: { id?: string; quota?: number } = {}): TicketsFormConfig {
  return {
    kind: 'tickets',
    id: opts.id ?? uniqueId('concert'),
    title: { fr: 'Concert', en: 'Concert' },
    currency: 'EUR',
    payment: { providers: [...payment.providers], offlineMethods: payment.offlineMethods },
    tickets: {
      types: [
        { id: 'plein', name: { fr: 'Plein tarif', en: 'Full price' }, price: 1500, quota: opts.quota ?? 50 },
        { id: 'reduit', name: { fr: 'Tarif réduit', en: 'Concession' }, price: 1000 },
      ],
      maxPerOrder: 10,
      attendeeNames: false,
      promoCodes: [
        { code: 'JARDIN', discount: { type: 'percent', percentBps: 2000 }, ticketTypes: ['plein'] },
      ],
      holdMinutes: 30,
      fields: [],
    },
  };
}

const payer = { email: 'camille.martin@example.fr', firstName: 'Camille', lastName: 'Martin' };
const address = { line1: '8 allée des Tilleuls', postalCode: '93100', city: 'Montreuil', country: 'FR' };

type Pay = OrderRequest['payment'];
const simulation: Pay = { provider: 'simulation' };

export function donationRequest(
  over: { amount?: number; locale?: 'fr' | 'en'; payment?: Pay; extra?: object } = {},
) {
  return {
    kind: 'donation' as const,
    locale: over.locale ?? 'fr',
    payment: over.payment ?? simulation,
    payer: { ...payer, address },
    donation: { amount: over.amount ?? 2500, frequency: 'once' as const, taxReceipt: true },
    ...over.extra,
  };
}

export function membershipRequest(over: { payment?: Pay; locale?: 'fr' | 'en' } = {}) {
  return {
    kind: 'membership' as const,
    locale: over.locale ?? 'fr',
    payment: over.payment ?? simulation,
    payer,
    membership: {
      tierId: 'famille',
      members: [
        { firstName: 'Camille', lastName: 'Martin', fields: { quartier: 'Bas-Montreuil' } },
        { firstName: 'Lucas', lastName: 'Martin', fields: { quartier: 'Bas-Montreuil' } },
      ],
      extraDonation: 1000,
    },
  };
}

export function ticketsRequest(
  items: { typeId: string; quantity: number }[],
  over: { payment?: Pay; promoCode?: string; expectedTotal?: number; locale?: 'fr' | 'en' } = {},
) {
  return {
    kind: 'tickets' as const,
    locale: over.locale ?? 'fr',
    payment: over.payment ?? simulation,
    payer,
    ...(over.expectedTotal === undefined ? {} : { expectedTotal: over.expectedTotal }),
    tickets: { items, ...(over.promoCode ? { promoCode: over.promoCode } : {}) },
  };
}

/** Test cards of the simulation (docs/protocol.md §8). */
export const CARDS = {
  success: '4242 4242 4242 4242',
  declined: '4000 0000 0000 0002',
  challenge: '4000 0027 6000 3184',
  delayed: '4000 0000 0000 0077',
} as const;
