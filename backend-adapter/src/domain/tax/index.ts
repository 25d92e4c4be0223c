export * from './tax-rules';
export * from './tax-preview';
