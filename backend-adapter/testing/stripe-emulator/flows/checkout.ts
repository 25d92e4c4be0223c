/**
 * What the customer does on a Checkout page, played by tests: pay (card or SEPA), get declined, let the
 * session expire; and what the bank does later for SEPA (settle or bounce). Each step creates the objects and
 * events real Checkout would: PaymentIntent (payment mode), Customer + Subscription + Invoice (subscription
 * mode), SetupIntent (setup mode), then `checkout.session.*`.
 */
import type Stripe from 'stripe';
import type { EmulatorContext } from '../context';
import { invalidRequest, unexpectedState } from '../errors';
import type { EventCause } from '../events';
import { save } from '../lookup';
import { checkMethodCurrency, type EmulatedPaymentMethod, type PaymentMethodKind } from '../payment-methods';
import { createCustomer } from '../resources/customers';
import { buildPaymentIntent } from '../resources/payment-intents';
import { buildSetupIntent } from '../resources/setup-intents';
import type { AccountState, SessionExtras } from '../store';
import { chargeInvoice, paymentIntentOf, syncInvoiceWithPayment } from './invoices';
import { attemptPayment, failProcessingPayment, settlePayment, type AttemptOutcome } from './payments';
import { attemptSetup } from './setups';
import { startSubscription } from './subscriptions';

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

function extrasOf(account: AccountState, session: Stripe.Checkout.Session): SessionExtras {
  const extras = account.sessionExtras.get(session.id);
  if (extras === undefined)
    throw unexpectedState(`Checkout Session ${session.id} has no line items.`, 'resource_missing');
  return extras;
}

function requireOpen(ctx: EmulatorContext, account: AccountState, session: Stripe.Checkout.Session): void {
  if (session.status === 'open' && ctx.clock.now() >= session.expires_at) {
    expireSession(ctx, account, session, { requestId: null, idempotencyKey: null });
  }
  if (session.status !== 'open') {
    throw unexpectedState(
      `Checkout Session ${session.id} has status ${session.status}; only an open session can be paid.`,
      'checkout_session_unexpected_state',
    );
  }
}

function chooseMethod(
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

/** Applies what the customer changed on the page: quantities and a chosen amount. */
function applyCustomerChoices(
  session: Stripe.Checkout.Session,
  extras: SessionExtras,
  options: CompleteOptions,
): void {
  options.quantities?.forEach((quantity, index) => {
    const line = extras.lineItems[index];
    const adjustable = line?.adjustable_quantity;
    if (line === undefined || adjustable?.enabled !== true) {
      throw invalidRequest(
        `Line item ${index} does not have adjustable_quantity enabled.`,
        `quantities[${index}]`,
      );
    }
    if (
      !Number.isInteger(quantity) ||
      quantity < (adjustable.minimum ?? 0) ||
      quantity > (adjustable.maximum ?? 99)
    ) {
      throw invalidRequest(
        `Quantity ${quantity} is outside [${adjustable.minimum}, ${adjustable.maximum}].`,
        `quantities[${index}]`,
      );
    }
    line.quantity = quantity;
  });
  if (options.customUnitAmount !== undefined) {
    const line = extras.lineItems.find(
      (l) => l.price?.custom_unit_amount !== null && l.price?.custom_unit_amount !== undefined,
    );
    const custom = line?.price?.custom_unit_amount;
    if (line === undefined || custom === null || custom === undefined) {
      throw invalidRequest(
        'No line item of this session uses a custom_unit_amount price.',
        'custom_unit_amount',
      );
    }
    if (
      (custom.minimum !== null && options.customUnitAmount < custom.minimum) ||
      (custom.maximum !== null && options.customUnitAmount > custom.maximum)
    ) {
      throw invalidRequest(
        `Amount ${options.customUnitAmount} is outside [${custom.minimum}, ${custom.maximum}].`,
        'custom_unit_amount',
      );
    }
    line.amount_subtotal = options.customUnitAmount;
    line.amount_total = options.customUnitAmount * (line.quantity ?? 1);
  }
  for (const line of extras.lineItems) {
    if (line.price?.custom_unit_amount === null && line.price.unit_amount !== null) {
      line.amount_subtotal = line.price.unit_amount * (line.quantity ?? 1);
      line.amount_total = line.amount_subtotal;
    }
  }
  if (session.mode !== 'setup') {
    const total = extras.lineItems.reduce((sum, l) => sum + l.amount_total, 0);
    session.amount_subtotal = total;
    session.amount_total = total;
  }
}

function customerDetails(
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

/** Checkout creates a Customer in subscription and setup mode, and in payment mode with `customer_creation=always`. */
function ensureCustomer(
  ctx: EmulatorContext,
  account: AccountState,
  session: Stripe.Checkout.Session,
  extras: SessionExtras,
  details: Stripe.Checkout.Session.CustomerDetails,
  cause: EventCause,
): Stripe.Customer | undefined {
  const existing = typeof session.customer === 'string' ? account.customers.get(session.customer) : undefined;
  if (existing !== undefined) return existing;
  if (session.mode === 'payment' && extras.customerCreation !== 'always') return undefined;
  const customer = createCustomer(ctx, account, { email: details.email, name: details.name }, cause);
  session.customer = customer.id;
  return customer;
}

function payInPaymentMode(
  ctx: EmulatorContext,
  account: AccountState,
  session: Stripe.Checkout.Session,
  extras: SessionExtras,
  method: EmulatedPaymentMethod,
  customer: Stripe.Customer | undefined,
  email: string | null,
  cause: EventCause,
): AttemptOutcome {
  let pi =
    typeof session.payment_intent === 'string'
      ? account.paymentIntents.get(session.payment_intent)
      : undefined;
  if (pi === undefined) {
    pi = buildPaymentIntent(ctx, {
      amount: session.amount_total ?? 0,
      currency: session.currency ?? 'eur',
      customer: customer?.id ?? null,
      description: extras.paymentIntentDescription,
      metadata: { ...extras.paymentIntentMetadata },
      methodTypes: { allowed: [...session.payment_method_types], excluded: null },
      receiptEmail: email,
      setupFutureUsage: null,
    });
    save(ctx, account, account.paymentIntents, pi);
    session.payment_intent = pi.id;
    ctx.events.publish(account, 'payment_intent.created', pi, cause);
  }
  return attemptPayment(ctx, account, pi, method, cause);
}

function payInSubscriptionMode(
  ctx: EmulatorContext,
  account: AccountState,
  session: Stripe.Checkout.Session,
  extras: SessionExtras,
  method: EmulatedPaymentMethod,
  customer: Stripe.Customer,
  cause: EventCause,
): AttemptOutcome {
  const previous =
    typeof session.subscription === 'string' ? account.subscriptions.get(session.subscription) : undefined;
  const previousInvoice =
    typeof session.invoice === 'string' ? account.invoices.get(session.invoice) : undefined;
  if (previous !== undefined && previousInvoice !== undefined) {
    // A retry after a decline pays the invoice of the subscription the first attempt created.
    const outcome = chargeInvoice(ctx, account, previousInvoice, method, cause);
    if (outcome !== 'declined') previous.default_payment_method = method.id;
    return outcome === 'nothing_due' ? 'succeeded' : outcome;
  }
  const lines = pricedLines(extras.lineItems);
  const { subscription, invoice, outcome } = startSubscription(
    ctx,
    account,
    {
      customer,
      items: lines.filter((l) => l.price.recurring !== null).map((l) => ({ ...l, metadata: {} })),
      oneTimeItems: lines.filter((l) => l.price.recurring === null),
      fields: {
        customer: customer.id,
        currency: session.currency ?? 'eur',
        metadata: { ...extras.subscriptionMetadata },
        description: extras.subscriptionDescription,
        collectionMethod: 'charge_automatically',
        daysUntilDue: null,
        defaultPaymentMethod: null,
        cancelAtPeriodEnd: false,
        paymentMethodTypes: [...session.payment_method_types],
      },
      charge: method,
    },
    cause,
  );
  session.subscription = subscription.id;
  session.invoice = invoice.id;
  return outcome === 'nothing_due' || outcome === 'not_charged' ? 'succeeded' : outcome;
}

function pricedLines(lines: Stripe.LineItem[]): { price: Stripe.Price; quantity: number }[] {
  return lines.map((line) => {
    if (line.price === null) throw unexpectedState(`Line item ${line.id} has no price.`, 'resource_missing');
    return { price: line.price, quantity: line.quantity ?? 1 };
  });
}

function payInSetupMode(
  ctx: EmulatorContext,
  account: AccountState,
  session: Stripe.Checkout.Session,
  extras: SessionExtras,
  method: EmulatedPaymentMethod,
  customer: Stripe.Customer,
  cause: EventCause,
): AttemptOutcome {
  let si =
    typeof session.setup_intent === 'string' ? account.setupIntents.get(session.setup_intent) : undefined;
  if (si === undefined) {
    si = buildSetupIntent(ctx, {
      customer: customer.id,
      description: null,
      metadata: { ...extras.setupIntentMetadata },
      methodTypes: { allowed: [...session.payment_method_types], excluded: null },
      usage: 'off_session',
    });
    save(ctx, account, account.setupIntents, si);
    session.setup_intent = si.id;
    ctx.events.publish(account, 'setup_intent.created', si, cause);
  }
  return attemptSetup(ctx, account, si, method, cause) === 'succeeded' ? 'succeeded' : 'declined';
}

/**
 * The customer pays with `method`. A decline leaves the session open (the customer may try again); success
 * or a pending SEPA debit completes it with payment_status `paid` or `unpaid`.
 */
function attemptSession(
  ctx: EmulatorContext,
  account: AccountState,
  session: Stripe.Checkout.Session,
  method: EmulatedPaymentMethod,
  options: CompleteOptions,
  cause: EventCause,
): AttemptOutcome {
  const extras = extrasOf(account, session);
  applyCustomerChoices(session, extras, options);
  const existing = typeof session.customer === 'string' ? account.customers.get(session.customer) : undefined;
  const details = customerDetails(session, existing, options);
  const customer = ensureCustomer(ctx, account, session, extras, details, cause);
  session.customer_details = details;
  let outcome: AttemptOutcome;
  if (session.mode === 'payment') {
    outcome = payInPaymentMode(ctx, account, session, extras, method, customer, details.email, cause);
  } else if (customer === undefined) {
    throw unexpectedState(`Checkout Session ${session.id} has no customer.`, 'resource_missing');
  } else if (session.mode === 'subscription') {
    outcome = payInSubscriptionMode(ctx, account, session, extras, method, customer, cause);
  } else {
    outcome = payInSetupMode(ctx, account, session, extras, method, customer, cause);
  }
  if (outcome === 'declined') return outcome;
  session.status = 'complete';
  session.payment_status =
    session.mode === 'setup' ? 'no_payment_required' : outcome === 'succeeded' ? 'paid' : 'unpaid';
  session.collected_information = { business_name: null, individual_name: null, shipping_details: null };
  session.url = null;
  ctx.events.publish(account, 'checkout.session.completed', session, cause);
  return outcome;
}

export function completeSession(
  ctx: EmulatorContext,
  account: AccountState,
  session: Stripe.Checkout.Session,
  options: CompleteOptions,
  cause: EventCause,
): AttemptOutcome {
  requireOpen(ctx, account, session);
  const kind = chooseMethod(session, options.paymentMethod);
  return attemptSession(ctx, account, session, account.paymentMethods.create(kind), options, cause);
}

/** A declined card on the Checkout page: `payment_intent.payment_failed`, the session stays open. */
export function declineSession(
  ctx: EmulatorContext,
  account: AccountState,
  session: Stripe.Checkout.Session,
  options: CustomerInput & { declineCode?: string },
  cause: EventCause,
): void {
  requireOpen(ctx, account, session);
  chooseMethod(session, 'card');
  const method = account.paymentMethods.create('card', options.declineCode ?? 'generic_decline');
  attemptSession(ctx, account, session, method, options, cause);
}

function processingPaymentOf(account: AccountState, session: Stripe.Checkout.Session): Stripe.PaymentIntent {
  let pi: Stripe.PaymentIntent | undefined;
  if (typeof session.payment_intent === 'string') pi = account.paymentIntents.get(session.payment_intent);
  if (typeof session.invoice === 'string') {
    const invoice = account.invoices.get(session.invoice);
    pi = invoice === undefined ? undefined : paymentIntentOf(account, invoice);
  }
  if (session.status !== 'complete' || session.payment_status !== 'unpaid' || pi?.status !== 'processing') {
    throw unexpectedState(
      `Checkout Session ${session.id} is not waiting for a delayed payment (status ${session.status}, payment_status ${session.payment_status}).`,
      'checkout_session_unexpected_state',
    );
  }
  return pi;
}

/** The SEPA debit of a completed session arrived: `checkout.session.async_payment_succeeded`. */
export function settleSession(
  ctx: EmulatorContext,
  account: AccountState,
  session: Stripe.Checkout.Session,
  cause: EventCause,
): void {
  const pi = processingPaymentOf(account, session);
  settlePayment(ctx, account, pi, cause);
  syncInvoiceWithPayment(ctx, account, pi, cause);
  session.payment_status = 'paid';
  ctx.events.publish(account, 'checkout.session.async_payment_succeeded', session, cause);
}

/** The SEPA debit of a completed session bounced: `checkout.session.async_payment_failed`. */
export function failSessionSettlement(
  ctx: EmulatorContext,
  account: AccountState,
  session: Stripe.Checkout.Session,
  cause: EventCause,
): void {
  const pi = processingPaymentOf(account, session);
  failProcessingPayment(ctx, account, pi, cause);
  syncInvoiceWithPayment(ctx, account, pi, cause);
  ctx.events.publish(account, 'checkout.session.async_payment_failed', session, cause);
}

export function expireSession(
  ctx: EmulatorContext,
  account: AccountState,
  session: Stripe.Checkout.Session,
  cause: EventCause,
): void {
  if (session.status !== 'open') {
    throw invalidRequest(
      `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of ${session.status}.`,
    );
  }
  session.status = 'expired';
  session.url = null;
  ctx.events.publish(account, 'checkout.session.expired', session, cause);
}

/** Stripe expires sessions in the background at `expires_at`; the emulator does it lazily on each request. */
export function sweepExpiredSessions(ctx: EmulatorContext): void {
  const now = ctx.clock.now();
  for (const account of ctx.store.allAccounts()) {
    for (const session of account.checkoutSessions.all()) {
      if (session.status === 'open' && now >= session.expires_at) {
        expireSession(ctx, account, session, { requestId: null, idempotencyKey: null });
      }
    }
  }
}
