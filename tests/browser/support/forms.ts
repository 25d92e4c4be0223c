import type { FormConfig } from '../../../backend-adapter/src/protocol';

const payment = (...providers: ('stripe' | 'simulation' | 'offline')[]) => ({
  providers,
  offlineMethods: providers.includes('offline') ? (['cheque'] as const).slice() : undefined,
});

export function donationForm(
  id = 'don',
  providers: ('stripe' | 'simulation' | 'offline')[] = ['simulation', 'offline'],
): FormConfig {
  return {
    kind: 'donation',
    id,
    title: { fr: 'Soutenez le jardin partagé', en: 'Support the community garden' },
    description: {
      fr: 'Vos dons paient les semences et les ateliers.',
      en: 'Your gifts pay for seeds and workshops.',
    },
    currency: 'EUR',
    payment: payment(...providers),
    feeCoverage: { percentBps: 150, fixed: 25 },
    taxReceipt: { enabled: true, scheme: 'general' },
    donation: {
      presets: [1500, 2500, 5000, 10000],
      presetsMonthly: [500, 1000, 2000],
      defaultAmount: 2500,
      allowCustomAmount: true,
      minimum: 500,
      maximum: 1000000,
      frequencies: ['once', 'monthly'],
      defaultFrequency: 'once',
      goal: 500000,
      allowAnonymous: true,
      allowDedication: true,
    },
  } as FormConfig;
}

export function membershipForm(
  id = 'adhesion',
  providers: ('stripe' | 'simulation' | 'offline')[] = ['simulation', 'offline'],
): FormConfig {
  return {
    kind: 'membership',
    id,
    title: { fr: 'Adhérer aux Amis du Jardin', en: 'Join the Friends of the Garden' },
    currency: 'EUR',
    payment: payment(...providers),
    taxReceipt: { enabled: true, scheme: 'general' },
    membership: {
      tiers: [
        {
          id: 'individuelle',
          name: 'Adhésion individuelle',
          period: 'rolling_year',
          price: { type: 'fixed', amount: 1500 },
          per: 'member',
          taxEligibleAmount: 1500,
        },
        {
          id: 'famille',
          name: 'Adhésion famille',
          description: { fr: 'Tout le foyer.', en: 'The whole household.' },
          period: 'calendar_year',
          price: { type: 'fixed', amount: 3000 },
          per: 'order',
        },
        {
          id: 'solidaire',
          name: 'Adhésion solidaire',
          period: 'rolling_year',
          price: { type: 'range', minimum: 500, maximum: 1500, suggested: 1000 },
          per: 'member',
        },
      ],
      maxMembers: 6,
      allowExtraDonation: true,
      autoRenew: false,
      fields: [
        {
          id: 'parcelle',
          type: 'checkbox',
          label: { fr: 'Je souhaite cultiver une parcelle', en: 'I would like to grow a plot' },
          required: false,
        },
        {
          id: 'aide',
          type: 'choice',
          label: { fr: 'Je peux aider pour…', en: 'I can help with…' },
          required: false,
          options: [
            { value: 'arrosage', label: { fr: "L'arrosage", en: 'Watering' } },
            { value: 'ateliers', label: { fr: 'Les ateliers', en: 'Workshops' } },
          ],
        },
      ],
    },
  } as FormConfig;
}

export function ticketsForm(
  id = 'concert',
  providers: ('stripe' | 'simulation' | 'offline')[] = ['simulation'],
): FormConfig {
  return {
    kind: 'tickets',
    id,
    title: { fr: 'Concert de Noël au jardin', en: 'Christmas concert in the garden' },
    currency: 'EUR',
    payment: payment(...providers),
    tickets: {
      event: { startsAt: '2030-12-12T20:00:00+01:00', location: 'Salle des fêtes, Montreuil' },
      types: [
        { id: 'plein', name: 'Plein tarif', price: 1500, quota: 40 },
        {
          id: 'reduit',
          name: 'Tarif réduit',
          description: { fr: 'Étudiants, chômeurs', en: 'Students, unemployed' },
          price: 1000,
          quota: 12,
        },
        { id: 'enfant', name: 'Enfant', price: 0, maxPerOrder: 4, quota: 20 },
        { id: 'vip', name: 'Premier rang', price: 3000, quota: 0 },
      ],
      maxPerOrder: 8,
      attendeeNames: true,
      promoCodes: [{ code: 'ADHERENT', discount: { type: 'percent', percentBps: 2000 } }],
      holdMinutes: 30,
      fields: [],
    },
  } as FormConfig;
}
