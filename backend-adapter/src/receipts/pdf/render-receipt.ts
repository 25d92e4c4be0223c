import type { ReceiptDocument } from '../../domain/receipts/types';
import { cerfaLayout, PAGE_HEIGHT, PAGE_WIDTH } from './cerfa-layout';
import { onePagePdf } from './pdf-page';

/** The receipt as a one-page PDF, byte for byte the same for the same record (and in PHP, ReceiptPdf). */
export function renderReceiptPdf(record: { number: string; document: ReceiptDocument }): Uint8Array {
  return onePagePdf({
    width: PAGE_WIDTH,
    height: PAGE_HEIGHT,
    ops: cerfaLayout(record.number, record.document),
    title: `Reçu fiscal ${record.number}`,
    createdOn: record.document.issuedOn,
    lang: 'fr-FR',
  });
}

/** "recu-fiscal-2026-00042.pdf": safe in a Content-Disposition header and in a zip. */
export function receiptFileName(number: string): string {
  return `recu-fiscal-${number.replace(/[^A-Za-z0-9-]/g, '-')}.pdf`;
}
