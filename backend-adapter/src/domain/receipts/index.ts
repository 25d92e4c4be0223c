export * from './types';
export * from './receipt-number';
export * from './amount-in-words';
export * from './receipt-dates';
export * from './receipt-chain';
export * from './sha256';
export * from './receipt-document';
export * from './annual-summaries';
