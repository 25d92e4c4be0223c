import type { Locale } from '../protocol';
import { currencyExponent, resolveText } from '../domain';
import type { AttendeeRow, OrderExportRow, OrderRecord } from '../storage';
import { csvAmount, csvDate, type CsvColumn, type CsvDialect } from './csv';
import type { HostSite } from './sites';

/** Columns of the back-office exports: what a treasurer reconciles with the bank statement. */

const amount = (minor: number, currency: string, dialect: CsvDialect) =>
  csvAmount(minor, currencyExponent(currency), dialect);

const STATUS: Record<OrderRecord['status'], Record<Locale, string>> = {
  pending: { fr: 'en attente', en: 'pending' },
  paid: { fr: 'payée', en: 'paid' },
  failed: { fr: 'échouée', en: 'failed' },
  expired: { fr: 'expirée', en: 'expired' },
  refunded: { fr: 'remboursée', en: 'refunded' },
  disputed: { fr: 'contestée', en: 'disputed' },
};

export function orderColumns(site: HostSite, locale: Locale): CsvColumn<OrderExportRow>[] {
  const payer = (o: OrderExportRow) => o.payer;
  return [
    { header: { fr: 'Référence', en: 'Reference' }, value: (o) => o.reference },
    { header: { fr: 'Commande', en: 'Order' }, value: (o) => o.id },
    { header: { fr: 'Formulaire', en: 'Form' }, value: (o) => formTitle(site, o.formId, locale) },
    { header: { fr: 'Statut', en: 'Status' }, value: (o) => STATUS[o.status][locale] },
    { header: { fr: 'Créée le (UTC)', en: 'Created (UTC)' }, value: (o) => csvDate(o.createdAt) },
    { header: { fr: 'Payée le (UTC)', en: 'Paid (UTC)' }, value: (o) => csvDate(o.paidAt) },
    { header: { fr: 'Montant', en: 'Amount' }, value: (o, d) => amount(o.total, o.currency, d) },
    { header: { fr: 'Remboursé', en: 'Refunded' }, value: (o, d) => amount(o.refundedAmount, o.currency, d) },
    {
      header: { fr: 'Éligible au reçu fiscal', en: 'Tax-receipt eligible' },
      value: (o, d) => amount(o.taxEligibleAmount, o.currency, d),
    },
    { header: { fr: 'Devise', en: 'Currency' }, value: (o) => o.currency },
    { header: { fr: 'Récurrence', en: 'Recurring' }, value: (o) => o.recurring?.interval ?? null },
    {
      header: { fr: 'Paiement', en: 'Payment' },
      value: (o) => [o.provider, o.offlineMethod].filter(Boolean).join(' '),
    },
    { header: { fr: 'Prénom', en: 'First name' }, value: (o) => o.firstName },
    { header: { fr: 'Nom', en: 'Last name' }, value: (o) => o.lastName },
    { header: { fr: 'E-mail', en: 'Email' }, value: (o) => o.email },
    { header: { fr: 'Téléphone', en: 'Phone' }, value: (o) => payer(o).phone },
    { header: { fr: 'Organisme', en: 'Organisation' }, value: (o) => payer(o).company },
    {
      header: { fr: 'Adresse', en: 'Address' },
      value: (o) => [payer(o).address?.line1, payer(o).address?.line2].filter(Boolean).join(', ') || null,
    },
    { header: { fr: 'Code postal', en: 'Postal code' }, value: (o) => payer(o).address?.postalCode },
    { header: { fr: 'Ville', en: 'City' }, value: (o) => payer(o).address?.city },
    { header: { fr: 'Pays', en: 'Country' }, value: (o) => payer(o).address?.country },
    {
      header: { fr: 'Détail', en: 'Details' },
      value: (o) => o.lines.map((l) => (l.quantity > 1 ? `${l.quantity} × ${l.label}` : l.label)).join(' ; '),
    },
  ];
}

export function attendeeColumns(site: HostSite, locale: Locale): CsvColumn<AttendeeRow>[] {
  return [
    { header: { fr: 'Code', en: 'Code' }, value: (t) => t.code },
    { header: { fr: 'Formulaire', en: 'Form' }, value: (t) => formTitle(site, t.formId, locale) },
    { header: { fr: 'Tarif', en: 'Ticket type' }, value: (t) => ticketType(site, t, locale) },
    {
      header: { fr: 'Participant', en: 'Attendee' },
      value: (t) => [t.firstName, t.lastName].filter(Boolean).join(' '),
    },
    { header: { fr: 'Acheteur', en: 'Buyer' }, value: (t) => t.payerName },
    { header: { fr: 'E-mail', en: 'Email' }, value: (t) => t.payerEmail },
    { header: { fr: 'Statut', en: 'Status' }, value: (t) => STATUS[t.status][locale] },
    { header: { fr: 'Entré le (UTC)', en: 'Checked in (UTC)' }, value: (t) => csvDate(t.checkedInAt) },
  ];
}

function formTitle(site: HostSite, formId: string, locale: Locale): string {
  const form = site.forms.get(formId);
  return form ? resolveText(form.title, locale) : formId;
}

function ticketType(site: HostSite, ticket: AttendeeRow, locale: Locale): string {
  const form = site.forms.get(ticket.formId);
  const type = form?.kind === 'tickets' ? form.tickets.types.find((t) => t.id === ticket.typeId) : undefined;
  return type ? resolveText(type.name, locale) : ticket.typeId;
}
