/** Every /v1 route the emulator serves, in one table. */
import type { ApiRoute } from './context';
import { chargeRoutes } from './resources/charges';
import { checkoutSessionRoutes } from './resources/checkout-sessions';
import { customerRoutes } from './resources/customers';
import { eventRoutes } from './resources/events';
import { invoiceRoutes } from './resources/invoices';
import { paymentIntentRoutes } from './resources/payment-intents';
import { priceRoutes } from './resources/prices';
import { productRoutes } from './resources/products';
import { refundRoutes } from './resources/refunds';
import { setupIntentRoutes } from './resources/setup-intents';
import { subscriptionRoutes } from './resources/subscriptions';

export const apiRoutes: readonly ApiRoute[] = [
  ...customerRoutes,
  ...productRoutes,
  ...priceRoutes,
  ...paymentIntentRoutes,
  ...chargeRoutes,
  ...checkoutSessionRoutes,
  ...subscriptionRoutes,
  ...invoiceRoutes,
  ...setupIntentRoutes,
  ...refundRoutes,
  ...eventRoutes,
];
