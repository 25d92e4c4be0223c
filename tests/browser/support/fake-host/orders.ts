import { randomBytes } from 'node:crypto';
import {
  quoteOrder,
  transition,
  type DomainError,
  type PaymentEvent,
} from '../../../../backend-adapter/src/domain';
import type {
  FormConfig,
  Locale,
  NextAction,
  OrderCreated,
  OrderRequest,
  OrderStatus,
  ProviderId,
} from '../../../../backend-adapter/src/protocol';
type IssuedTicket = NonNullable<OrderStatus['tickets']>[number];
import { errorMessage, isErrorCode } from '../../../../backend-adapter/src/protocol';
import type { PaymentProvider, ProviderEvent } from '../../../../backend-adapter/src/providers/types';
import { ProviderError } from '../../../../backend-adapter/src/providers/types';

/** A protocol error answer, thrown by the store and written by the server. */
export class HostError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: { code: string; field?: string; message: string }[],
  ) {
    super(message);
  }
}

export interface StoredOrder {
  status: OrderStatus;
  token: string;
  request: OrderRequest;
  providerRef?: string;
  next?: NextAction;
  reservations: { typeId: string; quantity: number }[];
}

const EVENT_TO_TRANSITION: Partial<Record<ProviderEvent['type'], PaymentEvent>> = {
  payment_succeeded: 'payment_succeeded',
  payment_failed: 'payment_failed',
  payment_expired: 'expired',
  refunded: 'refunded',
};

const id = (prefix: string) => `${prefix}_${randomBytes(6).toString('hex')}`;

function messageOf(error: DomainError, locale: Locale): string {
  return errorMessage(error.code, locale, error.params ?? {}, error.field);
}

/**
 * Orders of the in-test host: priced by the domain's quoteOrder, paid through the real providers, moved only
 * by provider events through the domain's state machine, each event once. Seats are held by pending and paid
 * orders, so availability follows what was bought.
 */
export class OrderStore {
  readonly orders = new Map<string, StoredOrder>();
  private readonly applied = new Set<string>();
  private readonly replies = new Map<string, { body: string; created: OrderCreated }>();

  constructor(
    private readonly providers: Map<ProviderId, PaymentProvider>,
    private readonly now: () => Date,
  ) {}

  /** Seats left for a ticket type: quota minus what pending and paid orders hold. */
  available(form: FormConfig, typeId: string): number | null {
    if (form.kind !== 'tickets') return null;
    const quota = form.tickets.types.find((type) => type.id === typeId)?.quota;
    if (quota === undefined) return null;
    let taken = 0;
    for (const order of this.orders.values()) {
      if (order.status.formId !== form.id || !['pending', 'paid'].includes(order.status.status)) continue;
      taken += order.reservations.filter((r) => r.typeId === typeId).reduce((sum, r) => sum + r.quantity, 0);
    }
    return Math.max(0, quota - taken);
  }

  raised(formId: string): number {
    return [...this.orders.values()]
      .filter((order) => order.status.formId === formId && order.status.status === 'paid')
      .reduce((sum, order) => sum + order.status.total, 0);
  }

  async create(
    form: FormConfig,
    request: OrderRequest,
    key: string | undefined,
    returnUrl: (orderId: string, token: string) => string,
  ): Promise<OrderCreated> {
    const body = JSON.stringify(request);
    const replay = key ? this.replies.get(key) : undefined;
    if (replay) {
      if (replay.body !== body)
        throw new HostError(
          409,
          'idempotency_conflict',
          errorMessage('idempotency_conflict', request.locale),
        );
      return replay.created;
    }
    const locale = request.locale;
    const quoted = quoteOrder(form, request, {
      now: this.now(),
      locale,
      availability: (typeId) => this.available(form, typeId),
    });
    if (!quoted.ok) {
      const errors = quoted.errors.map((error) => ({
        code: error.code,
        ...(error.field === undefined ? {} : { field: error.field }),
        message: messageOf(error, locale),
      }));
      const seats = quoted.errors.find(
        (error) => error.code === 'sold_out' || error.code === 'not_enough_available',
      );
      if (seats) throw new HostError(409, seats.code, messageOf(seats, locale), errors);
      throw new HostError(422, 'validation_failed', errorMessage('validation_failed', locale), errors);
    }
    const { quote } = quoted;
    const orderId = id('ord');
    const token = randomBytes(16).toString('hex');
    const status: OrderStatus = {
      id: orderId,
      formId: form.id,
      kind: form.kind,
      status: 'pending',
      currency: quote.currency,
      lines: quote.lines,
      total: quote.total,
      refundedAmount: 0,
      provider: request.payment.provider,
      createdAt: this.now().toISOString(),
      paidAt: null,
      expiresAt: null,
      failure: null,
    };
    if (quote.recurring) status.recurring = quote.recurring;
    const stored: StoredOrder = { status, token, request, reservations: quote.reservations };
    let next: NextAction;
    if (quote.total === 0) {
      next = { type: 'completed' };
      this.orders.set(orderId, stored);
      this.move(stored, 'payment_succeeded');
    } else {
      const provider = this.providers.get(request.payment.provider);
      if (!provider)
        throw new HostError(
          422,
          'provider_not_available',
          errorMessage('provider_not_available', locale, {}, 'payment.provider'),
        );
      try {
        const command = await provider.startPayment(
          {
            orderId,
            formId: form.id,
            kind: form.kind,
            currency: quote.currency,
            total: quote.total,
            lines: quote.lines,
            ...(quote.recurring ? { recurring: quote.recurring } : {}),
            payer: request.payer,
            locale,
            returnUrl: returnUrl(orderId, token),
            idempotencyKey: key ?? orderId,
            ...(request.payment.offlineMethod ? { offlineMethod: request.payment.offlineMethod } : {}),
            reference: orderId.slice(4, 12).toUpperCase(),
          },
          { now: this.now },
        );
        if (command.providerRef) stored.providerRef = command.providerRef;
        if (command.type === 'next') next = command.next;
        else if (command.type === 'pending' && command.next) next = command.next;
        else next = { type: 'completed' };
      } catch (error) {
        if (error instanceof ProviderError) {
          const code = isErrorCode(error.code) ? error.code : 'provider_error';
          throw new HostError(
            code === 'provider_not_available' ? 422 : 502,
            code,
            errorMessage(code, locale),
          );
        }
        throw error;
      }
      this.orders.set(orderId, stored);
    }
    stored.next = next;
    const created: OrderCreated = { order: this.view(stored), token, next };
    if (key) this.replies.set(key, { body, created });
    return created;
  }

  find(orderId: string, token: string): StoredOrder {
    const order = this.orders.get(orderId);
    if (!order || order.token !== token)
      throw new HostError(404, 'order_not_found', errorMessage('order_not_found', 'fr'));
    return order;
  }

  view(order: StoredOrder): OrderStatus {
    return structuredClone(order.status);
  }

  /** Applies provider events once each, by the order they name or by the provider reference. */
  apply(events: ProviderEvent[]): void {
    for (const event of events) {
      if (this.applied.has(event.id)) continue;
      this.applied.add(event.id);
      const order =
        (event.orderId ? this.orders.get(event.orderId) : undefined) ??
        [...this.orders.values()].find((candidate) => candidate.providerRef === event.providerRef);
      const move = EVENT_TO_TRANSITION[event.type];
      if (!order || !move) continue;
      if (event.providerRef) order.providerRef = event.providerRef;
      this.move(order, move, event.failure?.code);
    }
  }

  private move(order: StoredOrder, event: PaymentEvent, failure?: string): void {
    const result = transition(order.status.status, event);
    if (!result.ok) return;
    const status = order.status;
    status.status = result.to;
    if (result.to === 'paid') {
      status.paidAt = this.now().toISOString();
      status.failure = null;
      status.tickets = this.tickets(order);
    }
    if (result.to === 'failed') {
      const code = failure === 'authentication_failed' ? 'authentication_failed' : 'payment_declined';
      status.failure = { code, message: errorMessage(code, order.request.locale) };
    }
  }

  private tickets(order: StoredOrder): IssuedTicket[] | undefined {
    const request = order.request;
    if (request.kind !== 'tickets') return undefined;
    const attendees = [...(request.tickets.attendees ?? [])];
    return order.status.lines
      .filter((line) => line.kind === 'ticket')
      .flatMap((line) =>
        Array.from({ length: line.quantity }, () => {
          const index = attendees.findIndex((attendee) => attendee.typeId === line.ref);
          const [attendee] = index >= 0 ? attendees.splice(index, 1) : [];
          const ticket: IssuedTicket = {
            id: id('tkt'),
            typeId: line.ref ?? '',
            label: line.label,
            code: randomBytes(4).toString('hex').toUpperCase(),
          };
          if (attendee) ticket.attendee = `${attendee.firstName} ${attendee.lastName}`;
          return ticket;
        }),
      );
  }
}
