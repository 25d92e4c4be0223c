/** The steps after the form, in one chunk fetched when the payer submits (or comes back to an order). */
export { paymentView } from './payment';
export { confirmation } from './confirmation';

/** The core's parts, re-exported so this chunk and the entry share one core chunk (see core/core-chunk.ts). */
export { CORE as __core } from '../core/core-chunk';
