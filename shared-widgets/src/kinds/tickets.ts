import { LIMITS } from '../../../backend-adapter/src/domain/validation/payer';
import type { TicketsFormDefinition } from '../../../backend-adapter/src/protocol/form';
import type { Attendee, TicketsOrderRequest } from '../../../backend-adapter/src/protocol/order-request';
import { money, type Check, type Ctx, type Issue } from '../core/context';
import { h } from '../core/dom';
import { group, input } from '../core/fields';
import type { Kind, Total } from '../core/kind';
import { region } from '../core/region';
import { plural, type PluralKey } from '../i18n';
import { commonRequest } from '../sections/common';
import { consentsSection } from '../sections/consents';
import { customFields, customValues } from '../sections/custom-fields';
import { feeIfCovered, feeSection } from '../sections/fees';
import { payerSection } from '../sections/payer';

type C = Ctx<TicketsFormDefinition>;
type TicketType = TicketsFormDefinition['tickets']['types'][number];

/** Quantities are named by the type's place in the form: `tickets.items.<i>.quantity`. */
const QUANTITY = (index: number) => `tickets.items.${index}.quantity`;
/** Attendees are kept per type and seat (`attendees.<i>.<k>.firstName`), so changing one quantity moves no name. */
const ATTENDEE = (index: number, seat: number, part: string) => `attendees.${index}.${seat}.${part}`;
const PROMO = 'tickets.promoCode';

const types = (ctx: C) => ctx.def.tickets.types;
const quantity = (ctx: C, index: number) => {
  const value = Number(ctx.state.text(QUANTITY(index)) || 0);
  return Number.isSafeInteger(value) && value > 0 ? value : 0;
};
const ticketCount = (ctx: C) => types(ctx).reduce((sum, _, index) => sum + quantity(ctx, index), 0);

/** The most the payer may take of one type now: seats left, the type's cap, and what the order cap leaves. */
function limit(ctx: C, index: number): number {
  const type = types(ctx)[index] as TicketType;
  const others = ticketCount(ctx) - quantity(ctx, index);
  return Math.max(
    0,
    Math.min(type.available ?? Infinity, type.maxPerOrder ?? Infinity, ctx.def.tickets.maxPerOrder - others),
  );
}

function quantityCheck(ctx: C, index: number): Check {
  return (): Issue | null => {
    const text = ctx.state.text(QUANTITY(index)).trim();
    if (text !== '' && !/^\d+$/.test(text)) return { code: 'quantity_invalid' };
    const type = types(ctx)[index] as TicketType;
    const wanted = quantity(ctx, index);
    if (type.available !== null && wanted > type.available) {
      return { code: 'not_enough_available', params: { available: type.available, name: type.name } };
    }
    const max = Math.min(type.maxPerOrder ?? Infinity, ctx.def.tickets.maxPerOrder);
    return wanted > limit(ctx, index) ? { code: 'quantity_too_large', params: { max } } : null;
  };
}

function stepper(ctx: C, type: TicketType, index: number) {
  const { t } = ctx.i18n;
  const n = (key: PluralKey, count: number) => plural(ctx.i18n, key, count);
  const name = QUANTITY(index);
  const soldOut = type.available === 0;
  // Seats sold meanwhile (the form is drawn again after a refusal): the quantity cannot exceed what is left.
  if (!ctx.state.has(name) || (type.available !== null && quantity(ctx, index) > type.available)) {
    ctx.state.set(name, String(Math.min(quantity(ctx, index), type.available ?? 0)));
  }
  const availability = type.available === null ? null : soldOut ? t('soldOut') : n('left', type.available);
  // A field like any other (label, hint, error, checks), laid out as the type's description beside a stepper.
  const box = input(ctx, {
    name,
    label: type.name,
    hint: [type.price ? money(ctx, type.price) : t('free'), availability, type.description]
      .filter(Boolean)
      .join(' · '),
    inputmode: 'numeric',
    noMarker: true,
    check: quantityCheck(ctx, index),
  });
  const [label, hint, field, error] = box.children as unknown as [
    HTMLLabelElement,
    HTMLElement,
    HTMLInputElement,
    HTMLElement,
  ];
  field.type = 'number';
  field.min = '0';
  field.disabled = soldOut;
  const step = (delta: number) => {
    const next = Math.min(Math.max(quantity(ctx, index) + delta, 0), limit(ctx, index));
    field.value = String(next);
    ctx.state.set(name, field.value);
    ctx.announce(`${type.name} : ${n('ticketCount', next)}`);
  };
  const button = (text: string, label: string, delta: number) =>
    h(
      'button',
      { type: 'button', 'aria-controls': field.id, 'aria-label': label, onclick: () => step(delta) },
      text,
    );
  const less = button('−', t('less', { name: type.name }), -1);
  const more = button('+', t('more', { name: type.name }), 1);
  // Buttons follow the limits as the other quantities change; a disabled button is skipped by Tab, as it should.
  const sync = () => {
    field.max = String(limit(ctx, index));
    less.disabled = soldOut || quantity(ctx, index) === 0;
    more.disabled = soldOut || quantity(ctx, index) >= limit(ctx, index);
  };
  sync();
  ctx.state.onChange(sync);
  label.className = 'g-ticket-name';
  box.className = `g-ticket${soldOut ? ' g-soldout' : ''}`;
  box.replaceChildren(
    h('div', { class: 'g-ticket-about' }, label, hint),
    h('div', { class: 'g-stepper' }, less, field, more),
    error,
  );
  return box;
}

function eventInfo(ctx: C) {
  const event = ctx.def.tickets.event;
  if (!event) return null;
  const when = new Intl.DateTimeFormat(ctx.i18n.locale, { dateStyle: 'full', timeStyle: 'short' });
  return h(
    'p',
    { class: 'g-event' },
    [when.format(new Date(event.startsAt)), event.location].filter(Boolean).join(' · '),
  );
}

/** One name per ticket, grouped in ticket order, when the form asks for them. */
function attendees(ctx: C) {
  const { t } = ctx.i18n;
  let seatNumber = 0;
  const rows = types(ctx).flatMap((type, index) =>
    Array.from({ length: quantity(ctx, index) }, (_, seat) => {
      seatNumber += 1;
      const field = (part: 'firstName' | 'lastName', label: string) =>
        input(ctx, {
          name: ATTENDEE(index, seat, part),
          label,
          required: true,
          autocomplete: 'off',
          maxlength: LIMITS.name,
        });
      return group(
        t('attendee', { n: seatNumber, type: type.name }),
        null,
        h('div', { class: 'g-row' }, field('firstName', t('firstName')), field('lastName', t('lastName'))),
      );
    }),
  );
  return rows.length ? group(t('attendees'), 'tickets.attendees', rows) : null;
}

/** Every row of the form, quantity 0 included: the request's item index is then the type's place in the form. */
function items(ctx: C) {
  return types(ctx).map((type, index) => ({ typeId: type.id, quantity: quantity(ctx, index) }));
}

function net(ctx: C): number {
  return types(ctx).reduce((sum, type, index) => sum + type.price * quantity(ctx, index), 0);
}

export const tickets: Kind<TicketsFormDefinition> = {
  render(ctx) {
    const { t } = ctx.i18n;
    const n = (key: PluralKey, count: number) => plural(ctx.i18n, key, count);
    const settings = ctx.def.tickets;
    const list = group(
      t('tickets'),
      'tickets.items',
      h('p', { class: 'g-hint' }, n('maxPerOrder', settings.maxPerOrder)),
      types(ctx).map((type, index) => stepper(ctx, type, index)),
    );
    ctx.checks.set('tickets.items', {
      label: t('tickets'),
      check: () => (ticketCount(ctx) === 0 ? { code: 'no_tickets_selected' } : null),
    });
    return [
      eventInfo(ctx),
      list,
      settings.attendeeNames
        ? region(
            ctx,
            (name) => name.startsWith('tickets.items.'),
            () => attendees(ctx),
          )
        : null,
      settings.hasPromoCodes
        ? input(ctx, {
            name: PROMO,
            label: t('promo'),
            hint: t('promoHint'),
            autocomplete: 'off',
            maxlength: 40,
            size: 14,
          })
        : null,
      payerSection(ctx),
      customFields(ctx, settings.fields, 'tickets.fields'),
      feeSection(ctx, () => net(ctx), 'coverCosts'),
      consentsSection(ctx, false),
    ];
  },

  request(ctx) {
    const request: TicketsOrderRequest = {
      kind: 'tickets',
      ...commonRequest(ctx, net(ctx)),
      tickets: { items: items(ctx) },
    };
    if (ctx.def.tickets.attendeeNames) {
      request.tickets.attendees = items(ctx).flatMap(({ typeId, quantity }, index) =>
        Array.from({ length: quantity }, (_, seat): Attendee => ({
          typeId,
          firstName: ctx.state.text(ATTENDEE(index, seat, 'firstName')).trim(),
          lastName: ctx.state.text(ATTENDEE(index, seat, 'lastName')).trim(),
        })),
      );
    }
    const promo = ctx.state.text(PROMO).trim();
    if (ctx.def.tickets.hasPromoCodes && promo) request.tickets.promoCode = promo;
    if (ctx.def.tickets.fields.length)
      request.tickets.fields = customValues(ctx, ctx.def.tickets.fields, 'tickets.fields');
    return request;
  },

  total(ctx): Total | null {
    if (ticketCount(ctx) === 0) return null;
    return { amount: net(ctx) + feeIfCovered(ctx, net(ctx)) };
  },

  submitLabel(ctx, total) {
    return total && total.amount > 0
      ? ctx.i18n.t('pay', { amount: money(ctx, total.amount) })
      : ctx.i18n.t('book');
  },

  usable(ctx) {
    return ticketCount(ctx) === 0 || net(ctx) > 0;
  },

  /** Attendees are numbered in the request across types; the form keeps them by type and seat. */
  issued(ctx, order) {
    return order.tickets?.length
      ? [
          h('h3', null, ctx.i18n.t('yourTickets')),
          h(
            'ul',
            { class: 'g-tickets' },
            order.tickets.map((ticket) =>
              h(
                'li',
                null,
                [ticket.label, ticket.attendee].filter(Boolean).join(' : '),
                ' ',
                h('code', null, ticket.code),
              ),
            ),
          ),
        ]
      : null;
  },

  alias(ctx, field) {
    const attendee = /^tickets\.attendees\.(\d+)\.(\w+)$/.exec(field);
    if (attendee) {
      let seat = Number(attendee[1]);
      for (const [index, { quantity }] of items(ctx).entries()) {
        if (seat < quantity) return ATTENDEE(index, seat, attendee[2] ?? '');
        seat -= quantity;
      }
    }
    return field;
  },
};
