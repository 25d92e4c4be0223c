import type Stripe from 'stripe';
import type { Locale, OrderLine } from '../../protocol';
import type { PaymentRequest } from '../types';

type LineItem = Stripe.Checkout.SessionCreateParams.LineItem;

const ORDER_LABEL: Record<Locale, (reference: string) => string> = {
  fr: (reference) => `Commande ${reference}`,
  en: (reference) => `Order ${reference}`,
};

/** Stripe's limits for product names and descriptions shown on the payment page. */
const NAME_MAX = 250;
const DESCRIPTION_MAX = 500;

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Each line can be sent as its own positive Stripe line and together they make exactly the order's total. */
function itemisable(lines: OrderLine[], total: number): boolean {
  const charged = lines.filter((line) => line.amount !== 0);
  return (
    charged.length > 0 &&
    charged.every((line) => line.unitAmount > 0 && line.unitAmount * line.quantity === line.amount) &&
    charged.reduce((sum, line) => sum + line.amount, 0) === total
  );
}

/**
 * The order as Stripe line items. Stripe refuses negative amounts, so an order with a discount (or lines that
 * do not add up, which we never let through silently) goes as one line carrying the total the server computed,
 * its description listing what was bought. Free lines (a child's ticket at 0) are left out: Stripe shows
 * what is charged, and Guichet's own receipt lists everything.
 */
export function lineItems(request: PaymentRequest): LineItem[] {
  const currency = request.currency.toLowerCase();
  const recurring = request.recurring ? { recurring: { interval: request.recurring.interval } } : {};
  if (itemisable(request.lines, request.total)) {
    return request.lines
      .filter((line) => line.amount !== 0)
      .map((line) => ({
        quantity: line.quantity,
        price_data: {
          currency,
          unit_amount: line.unitAmount,
          product_data: { name: clip(line.label, NAME_MAX) },
          ...recurring,
        },
      }));
  }
  const description = request.lines
    .map((line) => (line.quantity > 1 ? `${line.quantity} × ${line.label}` : line.label))
    .join(', ');
  return [
    {
      quantity: 1,
      price_data: {
        currency,
        unit_amount: request.total,
        product_data: {
          name: clip(ORDER_LABEL[request.locale](request.reference), NAME_MAX),
          ...(description === '' ? {} : { description: clip(description, DESCRIPTION_MAX) }),
        },
        ...recurring,
      },
    },
  ];
}
