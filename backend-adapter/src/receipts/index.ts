/**
 * Tax receipts in the Node host: the service (issue, cancel, correct, annual run, exports, ledger check) over
 * the storage's append-only ledger, the PDF writer (pdf/) and the zip writer (zip/).
 */
export { ReceiptService, type ChainReport, type ReceiptServiceDeps } from './receipt-service';
export { ReceiptError } from './receipt-error';
export type { ReceiptSettings, ReceiptSite } from './receipt-site';
export { paymentReceiptCheck, type PaymentReceiptCheck } from './receipt-eligibility';
export { renderReceiptPdf, receiptFileName } from './pdf';
export { zipStored } from './zip';
