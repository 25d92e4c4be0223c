import type { Strings } from './catalogue';

/**
 * The protocol's error messages the widget shows itself (the build keeps just those, in English). Re-exported
 * as is, so that a chunk which does not use them (the simulation's) drops them.
 */
export { default as errors } from '../../../backend-adapter/src/protocol/error-messages.json';

/* English strings: the same groups and keys as fr.ts, checked by the Strings type. */
/** Every form: its frame, the payer, consents, ways to pay, the payment and status steps. */
export const common: Strings<'common'> = {
  closed: 'This form is closed.',
  notYetOpen: 'Sales have not opened yet.',
  soldOutForm: 'Sold out: no places are left.',
  optional: '(optional)',
  fixErrors: 'Some fields need correcting:',
  network: 'The connection failed. Check your connection and try again: nothing you typed is lost.',
  perMonth: '{amount} a month',
  perYear: '{amount} a year',
  you: 'Your details',
  email: 'Email',
  emailHint: 'To send you the confirmation.',
  firstName: 'First name',
  lastName: 'Last name',
  newsletter: 'I would like to receive the association’s newsletter.',
  privacy:
    '{org} uses this information to process your payment and keep you informed about it. You may access, correct or object to its use by writing to the association.',
  method: 'Payment method',
  stripe: 'Card',
  simulation: 'Test card (simulation)',
  cheque: 'Cheque',
  transfer: 'Bank transfer',
  cash: 'Cash',
  total: 'Total',
  totalIs: 'Total: {amount}',
  sending: 'Sending…',
  payment: 'Payment',
  pay: 'Pay {amount}',
  back: 'Change my order',
  stripeFailed: 'The payment module could not be loaded.',
  instructions: 'How to pay',
  payee: 'Payable to',
  mailTo: 'Send to',
  iban: 'IBAN',
  bic: 'BIC',
  reference: 'Reference to quote',
  paid: 'Thank you! Your payment of {amount} is confirmed.',
  paidRecurring: 'Thank you! Your regular support of {amount} is set up.',
  pending: 'Payment being processed…',
  pendingLong: 'Your payment is being processed. You will receive an email as soon as it is confirmed.',
  awaiting: 'Your order is recorded: it will be confirmed when your payment arrives.',
  failed: 'The payment did not go through: nothing was charged.',
  expired: 'The time to pay has run out: nothing was charged.',
  refunded: 'This payment was refunded.',
  tryAgain: 'Try again',
  receipt: 'Download your tax receipt no. {number}',
  summary: 'Summary',
};

/**
 * Forms that take a gift (donation, membership): amounts within bounds, the tax receipt and its postal address,
 * the objection to further appeals, the submit button before an amount is chosen.
 */
export const gifts: Strings<'gifts'> = {
  between: 'Between {min} and {max}',
  taxReceipt: 'I would like a tax receipt',
  address: 'Address',
  addressHint: 'Needed for the tax receipt.',
  line2: 'Address line 2',
  postalCode: 'Postal code',
  city: 'City',
  country: 'Country',
  objection: 'I do not wish to receive further appeals for donations from the association.',
  continue: 'Continue to payment',
};

/** Membership and ticket forms: fee coverage worded for a purchase, the form's own questions. */
export const sales: Strings<'sales'> = {
  coverCosts: 'I add {fee} so that the association pays no payment fees',
  choose: 'Choose…',
};

/** Donation forms only. */
export const donation: Strings<'donation'> = {
  frequency: 'Frequency',
  once: 'Once',
  monthly: 'Monthly',
  yearly: 'Yearly',
  amount: 'Your donation',
  otherAmount: 'Other amount',
  coverFees: 'I add {fee} so that 100% of my donation reaches the association',
  taxPreview: 'Your donation of {amount} costs you only {net} after tax reduction.',
  anonymous: 'Anonymous donation: my name will not be shown publicly',
  dedication: 'Dedication',
  dedicationHint: 'For example: “In memory of…”',
  goal: '{raised} raised towards a goal of {goal}',
  give: 'Give {amount}',
};

/** Membership forms only (`rolling_year`… are the tiers' periods). */
export const membership: Strings<'membership'> = {
  join: 'Join for {amount}',
  tier: 'Membership option',
  rolling_year: 'for one year',
  calendar_year: 'for the calendar year',
  month: 'a month',
  lifetime: 'for life',
  perMember: 'per person',
  freePrice: 'Pay what you can, between {min} and {max}',
  yourPrice: 'Your membership amount',
  members: 'Members',
  member: 'Member {n}',
  memberYou: 'Member 1: you',
  addMember: 'Add a member',
  removeMember: 'Remove member {n}',
  memberRemoved: 'Member {n} removed.',
  memberAdded: 'Member {n} added.',
  extraDonation: 'Extra donation',
};

/** Ticket forms only. */
export const tickets: Strings<'tickets'> = {
  tickets: 'Tickets',
  free: 'Free',
  left: { one: '# place left', other: '# places left' },
  soldOut: 'Sold out',
  less: 'One “{name}” ticket fewer',
  more: 'One more “{name}” ticket',
  maxPerOrder: { one: 'At most # ticket per order', other: 'At most # tickets per order' },
  ticketCount: { one: '# ticket', other: '# tickets' },
  attendees: 'Attendees',
  attendee: 'Ticket {n}: {type}',
  promo: 'Promo code',
  promoHint: 'It is checked when you confirm the order.',
  yourTickets: 'Your tickets',
  book: 'Book',
};

/** The simulation's test-card step (a demo and test provider): in its own chunk, in both languages. */
export const simulation: Strings<'simulation'> = {
  testCard: 'Test card number',
  testCards: 'Test cards',
  challenge: '3-D Secure authentication',
  challengeText: 'Your bank asks you to confirm the payment of {amount} to {org}.',
  approve: 'Confirm the payment',
  refuse: 'Refuse',
};

/** The whole catalogue in one object. */
// Marked pure so that a form's chunk, which imports only its groups, drops the others (see tools/private-packs.mjs).
const en: typeof common &
  typeof gifts &
  typeof sales &
  typeof donation &
  typeof membership &
  typeof tickets &
  typeof simulation = /* @__PURE__ */ Object.assign(
  {},
  common,
  gifts,
  sales,
  donation,
  membership,
  tickets,
  simulation,
);

export default en;
