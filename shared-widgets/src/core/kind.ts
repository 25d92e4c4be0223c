import type { FormDefinition, PublicPaymentMethod } from '../../../backend-adapter/src/protocol/form';
import type { OrderRequest } from '../../../backend-adapter/src/protocol/order-request';
import type { OrderStatus } from '../../../backend-adapter/src/protocol/order-response';
import type { Child } from './dom';
import type { Ctx } from './context';

/** The total the widget shows before the host prices the order for good. */
export interface Total {
  amount: number;
}

/** What makes a donation, a membership or a ticket form: the rest (steps, payment, errors) is shared. */
export interface Kind<D extends FormDefinition = FormDefinition> {
  /** The form's own fields, top to bottom, ending before the payment choice. */
  render(ctx: Ctx<D>): Child;
  /** The order request from what was typed. */
  request(ctx: Ctx<D>): OrderRequest;
  /** The total so far, or null while an amount is missing or unusable. */
  total(ctx: Ctx<D>): Total | null;
  /** The submit button's text. */
  submitLabel(ctx: Ctx<D>, total: Total | null): string;
  /** Where a server error about `field` is shown (request paths that the form renders under another name). */
  alias?(ctx: Ctx<D>, field: string): string;
  /** Whether a way to pay suits the current choices (none while the order is free). */
  usable?(ctx: Ctx<D>, method: PublicPaymentMethod): boolean;
  /** What the order's status page adds for this kind (the tickets and their codes). */
  issued?(ctx: Ctx<D>, order: OrderStatus): Child;
  /** State names that shape the request but are not typed in a control (seeded from a no-JS form). */
  seed?(values: Record<string, string | boolean>, def: D): void;
}

/** The request fields every kind shares. */
export type CommonRequest = Pick<
  OrderRequest,
  'locale' | 'payment' | 'payer' | 'consents' | 'coverFees' | 'returnUrl'
>;
