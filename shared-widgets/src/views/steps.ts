/** The steps after the form, in one chunk fetched when the payer submits (or comes back to an order). */
export { paymentView } from './payment';
export { confirmation } from './confirmation';
