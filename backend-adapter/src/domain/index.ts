/** Pure rules of Guichet: no I/O, no clock (callers pass `now`), no provider, no host. */
export * from './currencies';
export * from './money';
export * from './errors';
export * from './text';
export * from './context';
export * from './payment-state';
export * from './reservations';
export * from './validation';
export * from './pricing';
export * from './tax';
export * from './forms';
export * from './receipts';
