import type { Locale } from '../protocol';
import type { ReceiptKind, ReceiptRecord } from '../domain/receipts';
import { csvAmount, Trusted, type CsvColumn } from './csv';

/** Columns of the yearly receipts export: the register a treasurer keeps and shows the tax office. */

const KIND: Record<ReceiptKind, Record<Locale, string>> = {
  payment: { fr: 'don', en: 'gift' },
  annual: { fr: 'récapitulatif annuel', en: 'annual summary' },
  correction: { fr: 'rectificatif', en: 'correction' },
  cancellation: { fr: 'annulation', en: 'cancellation' },
};

export function receiptColumns(locale: Locale): CsvColumn<ReceiptRecord>[] {
  return [
    { header: { fr: 'Numéro', en: 'Number' }, value: (r) => r.number },
    { header: { fr: 'Émis le', en: 'Issued on' }, value: (r) => new Trusted(r.document.issuedOn) },
    { header: { fr: 'Type', en: 'Kind' }, value: (r) => KIND[r.kind][locale] },
    { header: { fr: 'Remplace', en: 'Replaces' }, value: (r) => r.replaces },
    { header: { fr: 'Donateur', en: 'Donor' }, value: (r) => r.donorName },
    { header: { fr: 'E-mail', en: 'Email' }, value: (r) => r.email },
    {
      header: { fr: 'Adresse', en: 'Address' },
      value: (r) => {
        const a = r.document.donor.address;
        return [a.line1, a.line2, `${a.postalCode} ${a.city}`, a.country].filter(Boolean).join(', ');
      },
    },
    { header: { fr: 'Montant', en: 'Amount' }, value: (r, d) => csvAmount(r.amount, 2, d) },
    {
      header: { fr: 'Date ou période du don', en: 'Gift date or period' },
      value: (r) =>
        new Trusted(
          r.document.period
            ? `${r.document.period.from} – ${r.document.period.to}`
            : (r.document.paidOn ?? ''),
        ),
    },
    { header: { fr: 'Commandes', en: 'Orders' }, value: (r) => r.orderIds.join(' ') },
    { header: { fr: 'Empreinte (SHA-256)', en: 'Hash (SHA-256)' }, value: (r) => new Trusted(r.hash) },
  ];
}
