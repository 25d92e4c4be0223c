export * from './form-status';
export * from './public-definition';
