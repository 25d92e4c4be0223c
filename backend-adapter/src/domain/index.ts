/** Pure rules of Guichet: no I/O, no clock (callers pass `now`), no provider, no host. */
export * from './currencies';
export * from './money';
export * from './errors';
export * from './payment-state';
export * from './reservations';
