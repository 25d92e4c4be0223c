export * from './labels';
export * from './fee-coverage';
export * from './promo';
export * from './tax-eligibility';
export * from './quote';
