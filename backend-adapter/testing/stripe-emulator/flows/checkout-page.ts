/**
 * The Checkout page itself, as far as tests play it: which payment method the customer picks, the quantities
 * and amount they change, and the details they type.
 */
import type Stripe from 'stripe';
import { invalidRequest } from '../errors';
import { checkMethodCurrency, type PaymentMethodKind } from '../payment-methods';
import { unitAmountOf } from '../resources/checkout-session-params';
import type { SessionExtras } from '../store';

export interface CustomerInput {
  email?: string;
  name?: string;
}

export interface CompleteOptions extends CustomerInput {
  /** Defaults to card when the session allows it. */
  paymentMethod?: PaymentMethodKind;
  /** New quantities by line index, as a customer would set them with `adjustable_quantity`. */
  quantities?: number[];
  /** The amount the customer typed for a `custom_unit_amount` price ("pay what you want"). */
  customUnitAmount?: number;
}

export function chooseMethod(
  session: Stripe.Checkout.Session,
  requested: PaymentMethodKind | undefined,
): PaymentMethodKind {
  const allowed = session.payment_method_types;
  const kind = requested ?? (allowed.includes('card') ? 'card' : 'sepa_debit');
  if (!allowed.includes(kind)) {
    throw invalidRequest(
      `${kind} is not enabled on Checkout Session ${session.id} (payment_method_types: ${allowed.join(', ')}); set allowed_payment_method_types.`,
      'payment_method',
    );
  }
  if (session.currency !== null) checkMethodCurrency([kind], session.currency, 'payment_method');
  return kind;
}

function chosenQuantity(line: Stripe.LineItem | undefined, index: number, wanted: number): number {
  const adjustable = line?.adjustable_quantity;
  if (line === undefined || adjustable?.enabled !== true) {
    throw invalidRequest(
      `Line item ${index} does not have adjustable_quantity enabled.`,
      `quantities[${index}]`,
    );
  }
  const minimum = adjustable.minimum ?? 0;
  const maximum = adjustable.maximum ?? 99;
  if (!Number.isInteger(wanted) || wanted < minimum || wanted > maximum) {
    throw invalidRequest(`Quantity ${wanted} is outside [${minimum}, ${maximum}].`, `quantities[${index}]`);
  }
  return wanted;
}

function chosenUnitAmount(custom: Stripe.Price.CustomUnitAmount, amount: number): number {
  if (
    (custom.minimum !== null && amount < custom.minimum) ||
    (custom.maximum !== null && amount > custom.maximum)
  ) {
    throw invalidRequest(
      `Amount ${amount} is outside [${custom.minimum}, ${custom.maximum}].`,
      'custom_unit_amount',
    );
  }
  return amount;
}

/**
 * Applies what the customer changed on the page (quantities, a "pay what you want" amount) and recomputes the
 * totals. Everything is checked before anything changes.
 */
export function applyCustomerChoices(
  session: Stripe.Checkout.Session,
  extras: SessionExtras,
  options: CompleteOptions,
): void {
  const lines = extras.lineItems;
  const quantities = lines.map((line) => line.quantity ?? 1);
  options.quantities?.forEach((wanted, index) => {
    quantities[index] = chosenQuantity(lines[index], index, wanted);
  });
  const customIndex = lines.findIndex(
    (line) => line.price !== null && line.price.custom_unit_amount !== null,
  );
  const units = lines.map((line) => (line.price === null ? 0 : unitAmountOf(line.price)));
  if (options.customUnitAmount !== undefined) {
    const custom = lines[customIndex]?.price?.custom_unit_amount;
    if (custom === null || custom === undefined) {
      throw invalidRequest(
        'No line item of this session uses a custom_unit_amount price.',
        'custom_unit_amount',
      );
    }
    units[customIndex] = chosenUnitAmount(custom, options.customUnitAmount);
  }
  lines.forEach((line, index) => {
    const quantity = quantities[index] ?? 1;
    line.quantity = quantity;
    line.amount_subtotal = (units[index] ?? 0) * quantity;
    line.amount_total = line.amount_subtotal;
  });
  if (session.mode !== 'setup') {
    const total = lines.reduce((sum, line) => sum + line.amount_total, 0);
    session.amount_subtotal = total;
    session.amount_total = total;
  }
}

export function customerDetails(
  session: Stripe.Checkout.Session,
  customer: Stripe.Customer | undefined,
  input: CustomerInput,
): Stripe.Checkout.Session.CustomerDetails {
  return {
    address: {
      city: 'Lyon',
      country: 'FR',
      line1: '1 rue de la République',
      line2: null,
      postal_code: '69001',
      state: null,
    },
    business_name: null,
    email: input.email ?? session.customer_email ?? customer?.email ?? 'donateur@example.test',
    individual_name: null,
    name: input.name ?? customer?.name ?? 'Camille Test',
    phone: null,
    tax_exempt: 'none',
    tax_ids: [],
  };
}
