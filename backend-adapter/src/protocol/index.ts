/**
 * Protocol v1 between the widgets and every adapter host (Node, WordPress, SPIP).
 * The TypeBox schemas are the single source: types are derived from them with `Static`, and
 * `schema/protocol-v1.schema.json` is generated from them for hosts that are not written in TypeScript.
 */
export * from './common';
export * from './form';
export * from './order-request';
export * from './order-response';
export * from './webhook';
export * from './simulation-cards';
export * from './errors';
export * from './routes';
export * from './schemas';
