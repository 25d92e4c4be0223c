/**
 * French strings of the widgets: the reference catalogue (en.ts must have the same groups and keys).
 * `{name}` placeholders are filled by t(); in plural entries `#` is the formatted count. Strings are grouped by
 * the forms that show them: a kind's chunk (src/packs/) carries `common`, the groups it shares with one other
 * kind (`gifts`, `sales`) and its own group only.
 */

/**
 * The protocol's error messages the widget shows itself (the build keeps just those, in French). Re-exported
 * as is, so that a chunk which does not use them (the simulation's) drops them.
 */
export { default as errors } from '../../../backend-adapter/src/protocol/error-messages.json';

/** Every form: its frame, the payer, consents, ways to pay, the payment and status steps. */
export const common = {
  closed: 'Ce formulaire est fermé.',
  notYetOpen: "La vente n'est pas encore ouverte.",
  soldOutForm: 'Complet : il ne reste plus de place.',
  optional: '(facultatif)',
  fixErrors: 'Certains champs sont à corriger :',
  network:
    "La connexion a échoué. Vérifiez votre connexion puis réessayez : rien de ce que vous avez saisi n'est perdu.",
  perMonth: '{amount} par mois',
  perYear: '{amount} par an',
  you: 'Vos coordonnées',
  email: 'E-mail',
  emailHint: 'Pour vous envoyer la confirmation.',
  firstName: 'Prénom',
  lastName: 'Nom',
  newsletter: 'Je souhaite recevoir la lettre d’information de l’association.',
  privacy:
    '{org} utilise ces informations pour traiter votre paiement et vous en informer. Vous pouvez y accéder, les rectifier ou vous opposer à leur utilisation en écrivant à l’association.',
  method: 'Moyen de paiement',
  stripe: 'Carte bancaire',
  simulation: 'Carte de test (simulation)',
  cheque: 'Chèque',
  transfer: 'Virement bancaire',
  cash: 'Espèces',
  total: 'Total',
  totalIs: 'Total : {amount}',
  sending: 'Envoi en cours…',
  payment: 'Paiement',
  pay: 'Payer {amount}',
  back: 'Modifier ma commande',
  stripeFailed: "Le module de paiement n'a pas pu être chargé.",
  instructions: 'Comment payer',
  payee: 'À l’ordre de',
  mailTo: 'À envoyer à',
  iban: 'IBAN',
  bic: 'BIC',
  reference: 'Référence à indiquer',
  paid: 'Merci ! Votre paiement de {amount} est confirmé.',
  paidRecurring: 'Merci ! Votre soutien régulier de {amount} est en place.',
  pending: 'Paiement en cours de traitement…',
  pendingLong: 'Votre paiement est en cours de traitement. Vous recevrez un e-mail dès sa confirmation.',
  awaiting: 'Votre commande est enregistrée : elle sera confirmée à réception de votre paiement.',
  failed: "Le paiement n'a pas abouti : rien n'a été débité.",
  expired: 'Le délai de paiement est dépassé : rien n’a été débité.',
  refunded: 'Ce paiement a été remboursé.',
  tryAgain: 'Réessayer',
  receipt: 'Télécharger votre reçu fiscal n° {number}',
  summary: 'Récapitulatif',
};

/**
 * Forms that take a gift (donation, membership): amounts within bounds, the tax receipt and its postal address,
 * the objection to further appeals, the submit button before an amount is chosen.
 */
export const gifts = {
  between: 'Entre {min} et {max}',
  taxReceipt: 'Je souhaite recevoir un reçu fiscal',
  address: 'Adresse',
  addressHint: 'Nécessaire pour établir le reçu fiscal.',
  line2: "Complément d'adresse",
  postalCode: 'Code postal',
  city: 'Ville',
  country: 'Pays',
  objection: "Je ne souhaite pas recevoir d'autres appels aux dons de l'association.",
  continue: 'Continuer vers le paiement',
};

/** Membership and ticket forms: fee coverage worded for a purchase, the form's own questions. */
export const sales = {
  coverCosts: "J'ajoute {fee} pour que l'association n'ait pas de frais de paiement à sa charge",
  choose: 'Choisir…',
};

/** Donation forms only. */
export const donation = {
  frequency: 'Fréquence',
  once: 'Une fois',
  monthly: 'Tous les mois',
  yearly: 'Tous les ans',
  amount: 'Montant de votre don',
  otherAmount: 'Autre montant',
  coverFees: "J'ajoute {fee} pour que 100 % de mon don parvienne à l'association",
  taxPreview: 'Votre don de {amount} ne vous coûte que {net} après réduction d’impôt.',
  anonymous: 'Don anonyme : mon nom ne sera pas affiché publiquement',
  dedication: 'Dédicace',
  dedicationHint: 'Par exemple : « En mémoire de… »',
  goal: '{raised} collectés sur un objectif de {goal}',
  give: 'Donner {amount}',
};

/** Membership forms only (`rolling_year`… are the tiers' periods). */
export const membership = {
  join: 'Adhérer pour {amount}',
  tier: "Formule d'adhésion",
  rolling_year: 'pour un an',
  calendar_year: "pour l'année civile",
  month: 'par mois',
  lifetime: 'à vie',
  perMember: 'par personne',
  freePrice: 'Prix libre, entre {min} et {max}',
  yourPrice: 'Montant de votre adhésion',
  members: 'Membres',
  member: 'Membre {n}',
  memberYou: 'Membre 1 : vous',
  addMember: 'Ajouter un membre',
  removeMember: 'Retirer le membre {n}',
  memberRemoved: 'Membre {n} retiré.',
  memberAdded: 'Membre {n} ajouté.',
  extraDonation: 'Don supplémentaire',
};

/** Ticket forms only. */
export const tickets = {
  tickets: 'Billets',
  free: 'Gratuit',
  left: { one: '# place restante', other: '# places restantes' },
  soldOut: 'Complet',
  less: 'Un billet « {name} » de moins',
  more: 'Un billet « {name} » de plus',
  maxPerOrder: { one: '# billet au maximum par commande', other: '# billets au maximum par commande' },
  ticketCount: { one: '# billet', other: '# billets' },
  attendees: 'Participants',
  attendee: 'Billet {n} : {type}',
  promo: 'Code promo',
  promoHint: 'Il sera vérifié à la validation de la commande.',
  yourTickets: 'Vos billets',
  book: 'Réserver',
};

/** The simulation's test-card step (a demo and test provider): in its own chunk, in both languages. */
export const simulation = {
  testCard: 'Numéro de carte de test',
  testCards: 'Cartes de test',
  challenge: 'Authentification 3-D Secure',
  challengeText: 'Votre banque vous demande de confirmer le paiement de {amount} à {org}.',
  approve: 'Confirmer le paiement',
  refuse: 'Refuser',
};

/** The whole catalogue in one object (the reference for the types). */
// Marked pure so that a form's chunk, which imports only its groups, drops the others (see tools/private-packs.mjs).
const fr: typeof common &
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

export default fr;
