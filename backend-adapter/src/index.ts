/**
 * The Node adapter as a library, one namespace per layer so their names never collide:
 * the protocol (messages and errors), the pure domain rules, the payment providers, the orders service, tax
 * receipts, the storage and the HTTP host. Dependencies run one way: server → orders → providers → domain →
 * protocol, and server → receipts → domain.
 */
export * as protocol from './protocol';
export * as domain from './domain';
export * as providers from './providers';
export * as orders from './orders';
export * as receipts from './receipts';
export * as storage from './storage';
export * as server from './server';
