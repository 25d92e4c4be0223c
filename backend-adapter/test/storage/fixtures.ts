import type { OrderRequest } from '../../src/protocol';
import type { NewOrder, OrderRecord, Storage } from '../../src/storage';

let counter = 0;

export const T0 = new Date('2026-05-01T10:00:00Z');
export const minutes = (n: number, from = T0) => new Date(from.getTime() + n * 60_000);

const payer = { email: 'ada@example.org', firstName: 'Ada', lastName: 'Lovelace' };

/** A pending ticket order for `seats` of the form `concert`, held for 30 minutes from `at`. */
export function ticketOrder(
  seats: { typeId: string; quantity: number }[],
  opts: { at?: Date; email?: string; idempotencyKey?: string; promoCode?: string } = {},
): NewOrder {
  const id = `ord_t${++counter}`;
  const at = opts.at ?? T0;
  const request: OrderRequest = {
    kind: 'tickets',
    locale: 'fr',
    payment: { provider: 'simulation' },
    payer: { ...payer, email: opts.email ?? payer.email },
    tickets: { items: seats },
  };
  const total = seats.reduce((sum, s) => sum + s.quantity * 1500, 0);
  const order = baseOrder(id, 'concert', 'tickets', request, total, at);
  order.promoCode = opts.promoCode ?? null;
  order.expiresAt = minutes(30, at);
  let position = 0;
  return {
    order,
    members: [],
    tickets: seats.flatMap((s) =>
      Array.from({ length: s.quantity }, () => ({
        id: `${id}_${position}`,
        orderId: id,
        typeId: s.typeId,
        position: position++,
        firstName: null,
        lastName: null,
        code: `${id}-${position}`.toUpperCase(),
        checkedInAt: null,
      })),
    ),
    seats,
    ...(opts.idempotencyKey ? { idempotency: { key: opts.idempotencyKey, requestHash: 'h1' } } : {}),
  };
}

export function donationOrder(
  amount: number,
  opts: { at?: Date; email?: string; lastName?: string } = {},
): NewOrder {
  const id = `ord_d${++counter}`;
  const request: OrderRequest = {
    kind: 'donation',
    locale: 'en',
    payment: { provider: 'offline', offlineMethod: 'cheque' },
    payer: { ...payer, email: opts.email ?? payer.email, lastName: opts.lastName ?? payer.lastName },
    donation: { amount, frequency: 'once' },
  };
  const order = baseOrder(id, 'don', 'donation', request, amount, opts.at ?? T0);
  order.lastName = opts.lastName ?? payer.lastName;
  return { order, members: [], tickets: [], seats: [] };
}

export function membershipOrder(names: string[], opts: { at?: Date } = {}): NewOrder {
  const id = `ord_m${++counter}`;
  const request: OrderRequest = {
    kind: 'membership',
    locale: 'fr',
    payment: { provider: 'simulation' },
    payer,
    membership: { tierId: 'family', members: names.map((n) => ({ firstName: n, lastName: 'Curie' })) },
  };
  const order = baseOrder(id, 'adhesion', 'membership', request, 4000, opts.at ?? T0);
  return {
    order,
    members: names.map((n, position) => ({
      id: `${id}_${position}`,
      orderId: id,
      tierId: 'family',
      position,
      firstName: n,
      lastName: 'Curie',
      email: null,
      birthDate: null,
      fields: { quartier: 'Nord' },
    })),
    tickets: [],
    seats: [],
  };
}

function baseOrder(
  id: string,
  formId: string,
  kind: OrderRecord['kind'],
  request: OrderRequest,
  total: number,
  at: Date,
): OrderRecord {
  return {
    id,
    site: 'demo',
    formId,
    kind,
    status: 'pending',
    currency: 'EUR',
    total,
    taxEligibleAmount: kind === 'donation' ? total : 0,
    refundedAmount: 0,
    recurring: null,
    lines: [
      {
        kind: kind === 'tickets' ? 'ticket' : kind,
        label: 'x',
        unitAmount: total,
        quantity: 1,
        amount: total,
      },
    ],
    provider: request.payment.provider,
    providerRef: null,
    paymentRef: null,
    subscriptionRef: null,
    offlineMethod: request.payment.offlineMethod ?? null,
    locale: request.locale,
    email: request.payer.email,
    firstName: request.payer.firstName,
    lastName: request.payer.lastName,
    request,
    reference: `REF${counter}`,
    tokenHash: 'f'.repeat(64),
    next: null,
    promoCode: null,
    createdAt: at,
    updatedAt: at,
    paidAt: null,
    expiresAt: null,
    failureCode: null,
    checkedAt: null,
  };
}

/** Moves an order to paid through `apply`, the way a verified provider event does. */
export async function markPaid(storage: Storage, orderId: string, at = T0, eventId = `evt_${orderId}`) {
  return storage.apply({
    site: 'demo',
    target: { orderId },
    once: { source: 'simulation', id: eventId, type: 'payment_succeeded' },
    now: at,
    decide: () => ({
      type: 'change',
      change: {
        status: 'paid',
        paidAt: at,
        seats: 'sell',
        note: { source: 'provider', action: 'payment_succeeded' },
      },
    }),
  });
}
