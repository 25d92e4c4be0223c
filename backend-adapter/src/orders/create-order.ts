import {
  DonationOrderRequest,
  MembershipOrderRequest,
  TicketsOrderRequest,
  type FormConfig,
  type NextAction,
  type OrderCreated,
  type OrderRequest,
} from '../protocol';
import {
  findPromoCode,
  holdExpiresAt,
  quoteOrder,
  scheduleStatus,
  validateOrder,
  type DomainError,
  type Quote,
} from '../domain';
import { ProviderError, type PaymentProvider, type PaymentRequest, type ProviderCommand } from '../providers';
import type { Static } from '@sinclair/typebox';
import type { MemberRecord, OrderRecord, TicketRecord } from '../storage';
import { applyProviderEvents } from './apply-events';
import { seatsLeft } from './availability';
import { fromDomainErrors } from './domain-errors';
import { checkShape } from './message-shape';
import { OrderError, validationFailed } from './order-error';
import { orderStatusView } from './order-view';
import {
  canonicalJson,
  newItemId,
  newOrderId,
  newReference,
  newStatusToken,
  newTicketCode,
  sha256,
} from './secrets';
import type { OrdersDeps, SiteContext } from './site';

/** How long an offline ticket order keeps its seats while the cheque or transfer is on its way. */
export const OFFLINE_HOLD_DAYS = 14;
/** A card payment nobody finished stops holding anything after a day. */
const UNFINISHED_PAYMENT_HOURS = 24;
/** How long a retry waits for the first request with the same key to finish talking to the provider. */
const IN_FLIGHT_WAIT_MS = 10_000;

export interface CreateOrderInput {
  formId: string;
  /** The parsed JSON body, not yet checked: the checks run in the protocol's order (docs/protocol.md §5). */
  body: unknown;
  idempotencyKey?: string;
}

/**
 * POST {base}/forms/{id}/orders: the server's own price (domain quoteOrder), the seats held and the order stored
 * in one transaction, then the provider asked to start the payment. When the provider fails, the order is
 * marked failed and its seats released, and nothing is charged.
 */
export async function createOrder(
  deps: OrdersDeps,
  site: SiteContext,
  input: CreateOrderInput,
): Promise<ReplayedOrder> {
  const requestHash = sha256(canonicalJson({ formId: input.formId, body: input.body }));
  if (input.idempotencyKey) {
    const replay = await previousAnswer(deps, site, input.idempotencyKey, requestHash);
    if (replay) return replay;
  }
  const form = site.forms.get(input.formId);
  if (!form) throw new OrderError('form_not_found');
  const now = deps.now();
  const schedule = scheduleStatus(form, now);
  if (schedule !== 'open') throw new OrderError(schedule === 'closed' ? 'form_closed' : 'form_not_yet_open');
  const request = readRequest(form, input.body, now);
  const quote = await price(deps, site, form, request, now);
  const provider = site.providers.get(request.payment.provider);
  if (!provider || !form.payment.providers.includes(request.payment.provider)) {
    throw validationFailed([{ code: 'provider_not_available', field: 'payment.provider' }]);
  }

  const token = newStatusToken();
  const order = newOrderRecord(site, form, request, quote, now, sha256(token));
  const items = orderItems(order.id, request);
  const created = await deps.storage.createOrder(
    {
      order,
      ...items,
      seats: quote.reservations,
      ...(input.idempotencyKey ? { idempotency: { key: input.idempotencyKey, requestHash } } : {}),
    },
    now,
  );
  if (!created.ok && created.reason === 'idempotency_key_taken') {
    const replay = await previousAnswer(deps, site, input.idempotencyKey ?? '', requestHash);
    if (replay) return replay;
    throw new OrderError('idempotency_conflict', { retryable: true });
  }
  if (!created.ok) throw seatsGone(form, request, created.typeId, created.available);

  // Nothing to pay (free tickets, a 100 % code): no provider is called and the order is paid at once.
  const command: ProviderCommand =
    quote.total === 0
      ? { type: 'completed' }
      : await start(deps, site, provider, { order, token }, quote, request);
  const next = nextAction(command);
  const expiresAt = command.type === 'next' && command.expiresAt ? command.expiresAt : null;
  const stored: OrderRecord = {
    ...order,
    providerRef: command.providerRef ?? null,
    next,
    expiresAt: expiresAt ?? order.expiresAt,
  };
  const answer: OrderCreated = {
    order: orderStatusView(stored, { locale: request.locale, form }),
    token,
    next,
  };
  await deps.storage.recordPaymentStart(
    site.id,
    order.id,
    { providerRef: stored.providerRef, next, expiresAt },
    input.idempotencyKey ? { key: input.idempotencyKey, response: answer } : undefined,
  );
  if (command.type === 'completed') {
    await applyProviderEvents(deps, site, provider.id, [
      { id: `completed_${order.id}`, type: 'payment_succeeded', orderId: order.id, occurredAt: now },
    ]);
    const paid = await deps.storage.getOrder(site.id, order.id);
    const { tickets } = await deps.storage.orderItems(order.id);
    if (paid) answer.order = orderStatusView(paid, { locale: request.locale, form, tickets });
  }
  deps.log.info(
    { site: site.id, orderId: order.id, formId: form.id, provider: provider.id, total: order.total },
    'order created',
  );
  return answer;
}

async function price(
  deps: OrdersDeps,
  site: SiteContext,
  form: FormConfig,
  request: OrderRequest,
  now: Date,
): Promise<Quote> {
  let availability: ((typeId: string) => number | null) | undefined;
  let uses = 0;
  if (form.kind === 'tickets') {
    availability = await seatsLeft(deps.storage, site.id, form.id, now);
    const code = request.kind === 'tickets' ? request.tickets.promoCode : undefined;
    const configured = code ? findPromoCode(form, code) : undefined;
    if (configured) uses = await deps.storage.promoUses(site.id, form.id, configured.code);
  }
  const result = quoteOrder(form, request, {
    now,
    locale: request.locale,
    ...(availability ? { availability } : {}),
    promoUses: () => uses,
  });
  if (!result.ok) throw fromDomainErrors(result.errors);
  return result.quote;
}

const REQUEST_SCHEMAS = {
  donation: DonationOrderRequest,
  membership: MembershipOrderRequest,
  tickets: TicketsOrderRequest,
} as const;

/** The body as an OrderRequest for this form, or the protocol's error: wrong kind, unknown property, bad shape. */
function readRequest(form: FormConfig, body: unknown, now: Date): OrderRequest {
  const fields = body as Record<string, unknown>;
  if (fields.kind !== form.kind) throw new OrderError('bad_request', { field: 'kind' });
  if ('currency' in fields && fields.currency !== form.currency) {
    // v1 requests carry no currency; one that names another currency than the form's gets a clear message.
    throw validationFailed([
      { code: 'currency_mismatch', field: 'currency', params: { currency: form.currency } },
    ]);
  }
  const shape = checkShape(REQUEST_SCHEMAS[form.kind], body);
  if (shape.ok) return shape.value;
  if (shape.unreadable) throw new OrderError('bad_request', { field: shape.field });
  throw validationFailed(withRuleErrors(shape.errors, form, body, now));
}

/**
 * Every problem at once: when the body has the right types but some values break the schema (an empty name,
 * a text too long), the domain's rules still run on it, so the payer also learns about the invalid e-mail.
 */
function withRuleErrors(
  shapeErrors: DomainError[],
  form: FormConfig,
  body: unknown,
  now: Date,
): DomainError[] {
  let ruleErrors: DomainError[] = [];
  try {
    const request = body as OrderRequest;
    ruleErrors = validateOrder(form, request, { now, locale: request.locale === 'en' ? 'en' : 'fr' });
  } catch {
    // The values are too far from the schema for the rules to read them: the schema's findings are enough.
  }
  const fields = new Set(shapeErrors.map((e) => e.field));
  return [...shapeErrors, ...ruleErrors.filter((e) => e.field !== undefined && !fields.has(e.field))];
}

function newOrderRecord(
  site: SiteContext,
  form: FormConfig,
  request: OrderRequest,
  quote: Quote,
  now: Date,
  tokenHash: string,
): OrderRecord {
  const offline = request.payment.provider === 'offline';
  let expiresAt: Date | null = null;
  if (form.kind === 'tickets') {
    expiresAt = offline
      ? holdExpiresAt(now, OFFLINE_HOLD_DAYS * 24 * 60)
      : holdExpiresAt(now, form.tickets.holdMinutes ?? 30);
  } else if (!offline) {
    expiresAt = holdExpiresAt(now, UNFINISHED_PAYMENT_HOURS * 60);
  }
  const promo = request.kind === 'tickets' ? request.tickets.promoCode : undefined;
  const promoCode = promo && form.kind === 'tickets' ? (findPromoCode(form, promo)?.code ?? null) : null;
  return {
    id: newOrderId(),
    site: site.id,
    formId: form.id,
    kind: form.kind,
    status: 'pending',
    currency: quote.currency,
    total: quote.total,
    taxEligibleAmount: quote.taxEligibleAmount,
    refundedAmount: 0,
    recurring: quote.recurring ?? null,
    lines: quote.lines,
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
    reference: newReference(),
    tokenHash,
    next: null,
    promoCode,
    createdAt: now,
    updatedAt: now,
    paidAt: null,
    expiresAt,
    failureCode: null,
    checkedAt: null,
  };
}

function orderItems(
  orderId: string,
  request: OrderRequest,
): { members: MemberRecord[]; tickets: TicketRecord[] } {
  if (request.kind === 'membership') {
    const members = request.membership.members.map((m, position): MemberRecord => ({
      id: newItemId('mbr'),
      orderId,
      tierId: request.membership.tierId,
      position,
      firstName: m.firstName,
      lastName: m.lastName,
      email: m.email ?? null,
      birthDate: m.birthDate ?? null,
      fields: m.fields ?? {},
    }));
    return { members, tickets: [] };
  }
  if (request.kind === 'tickets') return { members: [], tickets: ticketRecords(orderId, request) };
  return { members: [], tickets: [] };
}

/** One ticket per seat; attendee names, when given, go to the tickets of their type in order. */
function ticketRecords(orderId: string, request: Static<typeof TicketsOrderRequest>): TicketRecord[] {
  const attendees = [...(request.tickets.attendees ?? [])];
  const tickets: TicketRecord[] = [];
  for (const item of request.tickets.items) {
    for (let i = 0; i < item.quantity; i++) {
      const index = attendees.findIndex((a) => a.typeId === item.typeId);
      const attendee = index >= 0 ? attendees.splice(index, 1)[0] : undefined;
      tickets.push({
        id: newItemId('tkt'),
        orderId,
        typeId: item.typeId,
        position: tickets.length,
        firstName: attendee?.firstName ?? null,
        lastName: attendee?.lastName ?? null,
        code: newTicketCode(),
        checkedInAt: null,
      });
    }
  }
  return tickets;
}

/** Another buyer took the last seats between our look at the stock and our hold: said like the domain says it. */
function seatsGone(form: FormConfig, request: OrderRequest, typeId: string, available: number): OrderError {
  const items = request.kind === 'tickets' ? request.tickets.items : [];
  const index = Math.max(
    0,
    items.findIndex((i) => i.typeId === typeId),
  );
  const type = form.kind === 'tickets' ? form.tickets.types.find((t) => t.id === typeId) : undefined;
  const name = type
    ? typeof type.name === 'string'
      ? type.name
      : (type.name[request.locale] ?? type.id)
    : typeId;
  const error: DomainError =
    available <= 0
      ? { code: 'sold_out', field: `tickets.items.${index}.quantity`, params: { name } }
      : {
          code: 'not_enough_available',
          field: `tickets.items.${index}.quantity`,
          params: { name, available },
        };
  return fromDomainErrors([error]);
}

async function start(
  deps: OrdersDeps,
  site: SiteContext,
  provider: PaymentProvider,
  { order, token }: { order: OrderRecord; token: string },
  quote: Quote,
  request: OrderRequest,
): Promise<ProviderCommand> {
  const page = returnUrl(site, request.returnUrl);
  const payment: PaymentRequest = {
    orderId: order.id,
    formId: order.formId,
    kind: order.kind,
    currency: quote.currency,
    total: quote.total,
    lines: quote.lines,
    payer: request.payer,
    locale: request.locale,
    returnUrl: page,
    idempotencyKey: `order_${order.id}`,
    reference: order.reference,
  };
  if (request.flow === 'redirect') {
    // No widget keeps the order in the browser: the way back names it, so the page can show its status.
    payment.flow = 'redirect';
    payment.returnUrl = withOrder(page, order.id, token);
    payment.cancelUrl = page;
  }
  if (quote.recurring) payment.recurring = quote.recurring;
  if (request.payment.offlineMethod) payment.offlineMethod = request.payment.offlineMethod;
  if (order.expiresAt && order.kind === 'tickets') payment.expiresAt = order.expiresAt;
  try {
    return await provider.startPayment(payment, { now: deps.now });
  } catch (err) {
    const code = err instanceof ProviderError ? err.code : 'provider_error';
    await deps.storage.abandonOrder(site.id, order.id, code, deps.now());
    deps.log.warn(
      {
        site: site.id,
        orderId: order.id,
        provider: provider.id,
        code,
        providerCode: err instanceof ProviderError ? err.options.providerCode : undefined,
        reason: err instanceof Error ? err.message : String(err),
      },
      'payment start failed; order abandoned',
    );
    if (code === 'provider_not_available') {
      throw validationFailed([{ code, field: 'payment.provider' }]);
    }
    throw new OrderError(code, { retryable: err instanceof ProviderError ? err.retryable : true });
  }
}

function nextAction(command: ProviderCommand): NextAction {
  if (command.type === 'next') return command.next;
  if (command.type === 'pending' && command.next) return command.next;
  return { type: 'completed' };
}

/** Only a page of the site itself may be the way back (no open redirect through our host). */
function returnUrl(site: SiteContext, asked: string | undefined): string {
  if (asked) {
    try {
      const url = new URL(asked);
      if (site.origins.includes(url.origin)) return url.toString();
    } catch {
      // not a URL: fall through to the default
    }
  }
  return site.origins[0] ? `${site.origins[0]}/` : `${site.baseUrl()}/`;
}

/** docs/protocol.md §5: back from a hosted page with `guichet_order` and `guichet_token` in the query string. */
function withOrder(page: string, orderId: string, token: string): string {
  const url = new URL(page);
  url.searchParams.set('guichet_order', orderId);
  url.searchParams.set('guichet_token', token);
  return url.toString();
}

/**
 * The answer already given to this key: same order id, token and next action, the order as it is now. A
 * different body under the same key is a conflict; a first request still talking to its provider is waited for.
 */
async function previousAnswer(
  deps: OrdersDeps,
  site: SiteContext,
  key: string,
  requestHash: string,
): Promise<ReplayedOrder | null> {
  const deadline = Date.now() + IN_FLIGHT_WAIT_MS;
  for (;;) {
    const record = await deps.storage.findIdempotency(site.id, key);
    if (!record) return null;
    if (record.requestHash !== requestHash) throw new OrderError('idempotency_conflict');
    if (record.response !== null) {
      const first = record.response as OrderCreated;
      const order = await deps.storage.getOrder(site.id, record.orderId);
      if (!order) return { ...first, replayed: true };
      const { tickets } = await deps.storage.orderItems(order.id);
      const view = orderStatusView(order, {
        locale: order.locale,
        form: site.forms.get(order.formId),
        tickets,
      });
      return { ...first, order: view, replayed: true };
    }
    if (Date.now() > deadline) throw new OrderError('idempotency_conflict', { retryable: true });
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** An idempotent replay: the host adds `Idempotent-Replayed: true`. */
export type ReplayedOrder = OrderCreated & { replayed?: true };
