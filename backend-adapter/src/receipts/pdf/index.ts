export { renderReceiptPdf, receiptFileName } from './render-receipt';
export { cerfaLayout, amountInFigures, frenchDate } from './cerfa-layout';
export type { DrawOp } from './pdf-page';
