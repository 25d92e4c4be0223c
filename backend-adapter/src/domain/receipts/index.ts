export * from './receipt-number';
