import type { OrderStatus } from '../../../backend-adapter/src/protocol/order-response';
import type { ProtocolClient } from '../core/client';
import type { Ctx } from '../core/context';

/** What a way to pay gets from the payment view it is drawn in. */
export interface PaymentStep {
  readonly ctx: Ctx;
  readonly client: ProtocolClient;
  readonly order: OrderStatus;
  /** The order's read token, for return URLs that bring the payer back to its status page. */
  readonly token: string;
  /** The order's total as the payer reads it ("42 €"), formatted by the form's chunk so that the simulation's
   * chunk needs no copy of the money formatting and currency tables. */
  readonly amount: string;
  /** The element the payment is drawn in (dialogs go there too). */
  readonly root: HTMLElement;
  /** Leaves the step for the order's status page, which follows the order until it is settled. */
  done(order: OrderStatus): void;
  /** Shows a problem in the step (announced); the payer stays and may try again. */
  problem(message: string | null): void;
}
