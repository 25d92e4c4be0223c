import { Type, type Static } from '@sinclair/typebox';
import { Currency, DateTime, Id, MinorAmount, Nullable, PlainText } from './common';
import { FormKind, OfflineMethod } from './form';

/** Payment state machine: pending → paid | failed | expired; paid → refunded | disputed. */
export const OrderStatusValue = Type.Union(
  [
    Type.Literal('pending'),
    Type.Literal('paid'),
    Type.Literal('failed'),
    Type.Literal('expired'),
    Type.Literal('refunded'),
    Type.Literal('disputed'),
  ],
  { title: 'OrderStatusValue' },
);
export type OrderStatusValue = Static<typeof OrderStatusValue>;

export const LineKind = Type.Union(
  [
    Type.Literal('donation'),
    Type.Literal('membership'),
    Type.Literal('ticket'),
    Type.Literal('extra_donation'),
    Type.Literal('fee_coverage'),
    Type.Literal('discount'),
  ],
  { title: 'LineKind' },
);
export type LineKind = Static<typeof LineKind>;

/** Signed: a discount line is negative. */
export const SignedMinorAmount = Type.Integer({ minimum: -100_000_000_00, maximum: 100_000_000_00 });

export const OrderLine = Type.Object(
  {
    kind: LineKind,
    ref: Type.Optional(Id),
    label: PlainText,
    unitAmount: SignedMinorAmount,
    quantity: Type.Integer({ minimum: 1 }),
    amount: SignedMinorAmount,
    taxEligibleAmount: Type.Optional(MinorAmount),
  },
  { title: 'OrderLine', additionalProperties: false },
);
export type OrderLine = Static<typeof OrderLine>;

export const OfflineInstructions = Type.Object(
  {
    payee: Type.Optional(PlainText),
    address: Type.Optional(PlainText),
    iban: Type.Optional(Type.String()),
    bic: Type.Optional(Type.String()),
    reference: Type.String({
      description: 'To write on the cheque or the transfer, so the treasurer can match it.',
    }),
    text: PlainText,
  },
  { title: 'OfflineInstructions', additionalProperties: false },
);

/** What the widget must do next. */
export const NextAction = Type.Union(
  [
    Type.Object(
      {
        type: Type.Literal('confirm'),
        provider: Type.Literal('stripe'),
        uiMode: Type.Union([Type.Literal('embedded_page'), Type.Literal('elements')]),
        clientSecret: Type.String(),
        publishableKey: Type.String(),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        type: Type.Literal('confirm'),
        provider: Type.Literal('simulation'),
        clientSecret: Type.String(),
        confirmUrl: Type.String({ description: 'POST the simulated card here (see docs/protocol.md).' }),
      },
      { additionalProperties: false },
    ),
    Type.Object({ type: Type.Literal('redirect'), url: Type.String() }, { additionalProperties: false }),
    Type.Object(
      { type: Type.Literal('offline'), method: OfflineMethod, instructions: OfflineInstructions },
      { additionalProperties: false },
    ),
    Type.Object({ type: Type.Literal('completed') }, { additionalProperties: false }),
  ],
  { title: 'NextAction' },
);
export type NextAction = Static<typeof NextAction>;

export const IssuedTicket = Type.Object(
  {
    id: Id,
    typeId: Id,
    label: PlainText,
    attendee: Type.Optional(PlainText),
    code: Type.String({ description: 'Check-in code printed on the ticket.' }),
  },
  { title: 'IssuedTicket', additionalProperties: false },
);

/** GET {base}/orders/{id}?token=… and the `order` part of a creation response. */
/**
 * The tax receipt (reçu fiscal) issued for a paid order, once there is one: its number and a signed link to
 * the PDF that works without logging in (the link is the credential, like the status token).
 */
export const IssuedReceipt = Type.Object(
  {
    number: Type.String({ minLength: 1, maxLength: 40 }),
    url: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { title: 'IssuedReceipt', additionalProperties: false },
);
export type IssuedReceipt = Static<typeof IssuedReceipt>;

export const OrderStatus = Type.Object(
  {
    id: Id,
    formId: Id,
    kind: FormKind,
    status: OrderStatusValue,
    currency: Currency,
    lines: Type.Array(OrderLine),
    total: MinorAmount,
    refundedAmount: MinorAmount,
    recurring: Type.Optional(
      Type.Object(
        { interval: Type.Union([Type.Literal('month'), Type.Literal('year')]) },
        { additionalProperties: false },
      ),
    ),
    provider: Type.String(),
    createdAt: DateTime,
    paidAt: Nullable(DateTime),
    expiresAt: Nullable(DateTime),
    failure: Nullable(
      Type.Object({ code: Type.String(), message: PlainText }, { additionalProperties: false }),
    ),
    tickets: Type.Optional(Type.Array(IssuedTicket)),
    next: Type.Optional(NextAction),
    receipt: Type.Optional(IssuedReceipt),
  },
  { title: 'OrderStatus', additionalProperties: false },
);
export type OrderStatus = Static<typeof OrderStatus>;

/** 201 answer to POST {base}/forms/{id}/orders. */
export const OrderCreated = Type.Object(
  {
    order: OrderStatus,
    token: Type.String({ minLength: 16, description: 'Bearer of this token may read the order status.' }),
    next: NextAction,
  },
  { title: 'OrderCreated', additionalProperties: false },
);
export type OrderCreated = Static<typeof OrderCreated>;

/** Simulation provider: the widget posts a test card; the answer says what happened. */
export const SimulationConfirmRequest = Type.Object(
  {
    clientSecret: Type.String(),
    card: Type.String({ pattern: '^[0-9 ]{12,23}$' }),
  },
  { title: 'SimulationConfirmRequest', additionalProperties: false },
);
export const SimulationChallengeRequest = Type.Object(
  { clientSecret: Type.String(), approve: Type.Boolean() },
  { title: 'SimulationChallengeRequest', additionalProperties: false },
);
export const SimulationResult = Type.Object(
  {
    outcome: Type.Union([
      Type.Literal('succeeded'),
      Type.Literal('declined'),
      Type.Literal('requires_action'),
      Type.Literal('processing'),
    ]),
    challengeUrl: Type.Optional(Type.String()),
    order: OrderStatus,
  },
  { title: 'SimulationResult', additionalProperties: false },
);
export type SimulationResult = Static<typeof SimulationResult>;
