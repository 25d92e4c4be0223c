import type {
  DonationFormConfig,
  DonationOrderRequest,
  FormConfig,
  MembershipFormConfig,
  MembershipOrderRequest,
  OrderLine,
  OrderRequest,
  TicketsFormConfig,
  TicketsOrderRequest,
} from '../../protocol';
import type { OrderContext } from '../context';
import type { DomainError } from '../errors';
import { domainError } from '../errors';
import { resolveText } from '../text';
import { validateOrder } from '../validation/order';
import { shownAmount } from '../validation/amounts';
import { feeCoverage } from './fee-coverage';
import { lineLabels, type LineLabels } from './labels';
import { findPromoCode, promoDiscount, promoProblem } from './promo';
import {
  donationEligibleBase,
  membershipQuantity,
  membershipUnitPrice,
  receiptIssued,
  tierEligibleUnit,
} from './tax-eligibility';

export interface Reservation {
  typeId: string;
  quantity: number;
}

/** The server's own price of an order: what the payer is charged, line by line. */
export interface Quote {
  currency: string;
  lines: OrderLine[];
  total: number;
  /** What a tax receipt will certify; 0 when the order gets no receipt. */
  taxEligibleAmount: number;
  /** Present when the total is charged again every month or year. */
  recurring?: { interval: 'month' | 'year' };
  /** Seats to hold, per ticket type. */
  reservations: Reservation[];
}

function line(
  kind: OrderLine['kind'],
  label: string,
  unitAmount: number,
  quantity: number,
  extra: { ref?: string; taxEligibleAmount?: number } = {},
): OrderLine {
  const result: OrderLine = {
    kind,
    ...(extra.ref !== undefined ? { ref: extra.ref } : {}),
    label,
    unitAmount,
    quantity,
    amount: unitAmount * quantity,
  };
  if (extra.taxEligibleAmount !== undefined && extra.taxEligibleAmount > 0) {
    result.taxEligibleAmount = extra.taxEligibleAmount;
  }
  return result;
}

interface Priced {
  lines: OrderLine[];
  recurring?: Quote['recurring'];
  reservations: Reservation[];
  receipt: boolean;
}

function priceDonation(form: DonationFormConfig, request: DonationOrderRequest, labels: LineLabels): Priced {
  const receipt = receiptIssued(form, request);
  const amount = donationEligibleBase(request);
  const { frequency } = request.donation;
  const label =
    frequency === 'monthly'
      ? labels.donationMonthly
      : frequency === 'yearly'
        ? labels.donationYearly
        : labels.donationOnce;
  const priced: Priced = {
    lines: [line('donation', label, amount, 1, { taxEligibleAmount: receipt ? amount : 0 })],
    reservations: [],
    receipt,
  };
  if (frequency === 'monthly') priced.recurring = { interval: 'month' };
  if (frequency === 'yearly') priced.recurring = { interval: 'year' };
  return priced;
}

function priceMembership(
  form: MembershipFormConfig,
  request: MembershipOrderRequest,
  ctx: OrderContext,
  labels: LineLabels,
): Priced {
  const receipt = receiptIssued(form, request);
  const priced: Priced = { lines: [], reservations: [], receipt };
  const tier = form.membership.tiers.find((candidate) => candidate.id === request.membership.tierId);
  if (tier) {
    const unit = membershipUnitPrice(tier, request.membership.amount) ?? 0;
    const quantity = membershipQuantity(tier, request.membership.members.length);
    const eligible = receipt ? tierEligibleUnit(tier, unit) * quantity : 0;
    priced.lines.push(
      line('membership', resolveText(tier.name, ctx.locale), unit, quantity, {
        ref: tier.id,
        taxEligibleAmount: eligible,
      }),
    );
    const renews =
      form.membership.autoRenew && tier.period !== 'lifetime' && request.payment.provider !== 'offline';
    if (renews) priced.recurring = { interval: tier.period === 'month' ? 'month' : 'year' };
  }
  const extra = request.membership.extraDonation ?? 0;
  if (form.membership.allowExtraDonation && Number.isSafeInteger(extra) && extra > 0) {
    priced.lines.push(
      line('extra_donation', labels.extraDonation, extra, 1, { taxEligibleAmount: receipt ? extra : 0 }),
    );
  }
  return priced;
}

function priceTickets(
  form: TicketsFormConfig,
  request: TicketsOrderRequest,
  ctx: OrderContext,
  labels: LineLabels,
): Priced {
  const priced: Priced = { lines: [], reservations: [], receipt: false };
  const ticketLines: { typeId: string; amount: number }[] = [];
  // One line per type, in the form's order (the order the widget shows them), whatever the request's order.
  for (const type of form.tickets.types) {
    const quantity = request.tickets.items
      .filter((item) => item.typeId === type.id && Number.isSafeInteger(item.quantity) && item.quantity > 0)
      .reduce((sum, item) => sum + item.quantity, 0);
    if (quantity === 0) continue;
    priced.lines.push(
      line('ticket', resolveText(type.name, ctx.locale), type.price, quantity, { ref: type.id }),
    );
    priced.reservations.push({ typeId: type.id, quantity });
    ticketLines.push({ typeId: type.id, amount: type.price * quantity });
  }

  const typed = request.tickets.promoCode;
  const promo = typed === undefined ? undefined : findPromoCode(form, typed);
  if (promo) {
    const uses = ctx.promoUses ? ctx.promoUses(promo.code) : 0;
    const orderedTypeIds = ticketLines.map((ticket) => ticket.typeId);
    const discount = promoDiscount(promo, ticketLines);
    if (promoProblem(promo, { now: ctx.now, uses, orderedTypeIds }) === null && discount > 0) {
      priced.lines.push(
        line('discount', labels.discount.replace('{code}', promo.code), -discount, 1, { ref: promo.code }),
      );
    }
  }
  return priced;
}

/**
 * Prices an order from the form's own configuration. It trusts nothing the browser computed, and assumes the
 * request passed validateOrder (unusable parts price as zero). Fee coverage comes last, on everything else,
 * and only for online providers: a cheque or a transfer costs the association no processor fee.
 */
export function priceOrder(form: FormConfig, request: OrderRequest, ctx: OrderContext): Quote {
  const labels = lineLabels(ctx.locale, ctx.labels);
  let priced: Priced;
  if (form.kind === 'donation' && request.kind === 'donation') priced = priceDonation(form, request, labels);
  else if (form.kind === 'membership' && request.kind === 'membership') {
    priced = priceMembership(form, request, ctx, labels);
  } else if (form.kind === 'tickets' && request.kind === 'tickets')
    priced = priceTickets(form, request, ctx, labels);
  else priced = { lines: [], reservations: [], receipt: false };

  const net = priced.lines.reduce((sum, current) => sum + current.amount, 0);
  if (
    request.coverFees === true &&
    form.feeCoverage !== undefined &&
    request.payment.provider !== 'offline'
  ) {
    const extra = feeCoverage(net, form.feeCoverage);
    // The payer hands this sum to the association with nothing in return; the processor's fee is the
    // association's own expense. So it is part of the gift, and certified whenever the order has a receipt.
    if (extra > 0) {
      priced.lines.push(
        line('fee_coverage', labels.feeCoverage, extra, 1, { taxEligibleAmount: priced.receipt ? extra : 0 }),
      );
    }
  }

  const quote: Quote = {
    currency: form.currency,
    lines: priced.lines,
    total: priced.lines.reduce((sum, current) => sum + current.amount, 0),
    taxEligibleAmount: priced.lines.reduce((sum, current) => sum + (current.taxEligibleAmount ?? 0), 0),
    reservations: priced.reservations,
  };
  if (priced.recurring) quote.recurring = priced.recurring;
  return quote;
}

export type QuoteResult = { ok: true; quote: Quote } | { ok: false; errors: DomainError[] };

/**
 * Validates, then prices. When the payer was shown a total (`expectedTotal`) that differs from the server's,
 * the order is refused with `amount_mismatch` carrying the new total, so nobody pays an amount they did not see.
 */
export function quoteOrder(form: FormConfig, request: OrderRequest, ctx: OrderContext): QuoteResult {
  const errors = validateOrder(form, request, ctx);
  if (errors.length > 0) return { ok: false, errors };
  const quote = priceOrder(form, request, ctx);
  if (request.expectedTotal !== undefined && request.expectedTotal !== quote.total) {
    return {
      ok: false,
      errors: [
        domainError('amount_mismatch', undefined, {
          total: shownAmount(quote.total, quote.currency, ctx.locale),
        }),
      ],
    };
  }
  return { ok: true, quote };
}
