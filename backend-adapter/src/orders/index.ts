/**
 * The orders service of the Node host: everything between an HTTP route and the storage — pricing through the
 * domain, seat holds, provider calls, events applied once, back-office actions, the reconciliation sweep.
 */
export { createOrder, type CreateOrderInput } from './create-order';
export { OFFLINE_HOLD_DAYS } from './new-order-record';
export type { ReplayedOrder } from './idempotent-replay';
export { checkShape, type ShapeResult } from './message-shape';
export { orderStatus } from './order-status';
export { publicForm } from './public-form';
export { simulatePayment, type SimulationStep } from './simulation';
export { applyProviderEvents, type AppliedEvent } from './apply-events';
export { markReceived, refundOrder, checkIn } from './back-office';
export { expireOrder, reconcileOrder, sweep, type SweepOptions } from './reconcile';
export { orderStatusView } from './order-view';
export { OrderError } from './order-error';
export type { OrderHooks, OrdersDeps, OrdersLog, SiteContext } from './site';
