import {
  membershipQuantity,
  membershipUnitPrice,
} from '../../../backend-adapter/src/domain/pricing/tax-eligibility';
import { LIMITS } from '../../../backend-adapter/src/domain/validation/payer';
import type { MembershipFormDefinition } from '../../../backend-adapter/src/protocol/form';
import type { Member, MembershipOrderRequest } from '../../../backend-adapter/src/protocol/order-request';
import * as checks from '../core/checks';
import { amountText, idFor, money, parseAmount, type Ctx } from '../core/context';
import { h } from '../core/dom';
import { group, input, radios } from '../core/fields';
import type { Kind, Total } from '../core/kind';
import { region } from '../core/region';
import { commonRequest } from '../sections/common';
import { consentsSection } from '../sections/consents';
import { customFields, customValues } from '../sections/custom-fields';
import { feeIfCovered, feeSection } from '../sections/fees';
import { payerSection } from '../sections/payer';
import { addressOf, addressSection, receiptAsked, receiptBox } from '../sections/receipt';

type C = Ctx<MembershipFormDefinition>;
type Tier = MembershipFormDefinition['membership']['tiers'][number];

const TIER = 'membership.tierId';
const PRICE = 'membership.customAmount';
const EXTRA = 'membership.extraDonation';
const RECEIPT = 'membership.taxReceipt';
/** How many members the payer lists; the first is the payer. Not a protocol field: the length of `members`. */
const COUNT = 'membership.memberCount';
const member = (index: number, part: string) => `membership.members.${index}.${part}`;

/** The tier picked: there is always one (the form has at least one, seed picks the first). */
const tier = (ctx: C) => ctx.def.membership.tiers.find((t) => t.id === ctx.state.text(TIER)) as Tier;
const count = (ctx: C) =>
  Math.min(Math.max(Number(ctx.state.text(COUNT)) || 1, 1), ctx.def.membership.maxMembers);

const extra = (ctx: C) =>
  (ctx.def.membership.allowExtraDonation && parseAmount(ctx, ctx.state.text(EXTRA))) || 0;

/**
 * Memberships and extra gift, before any fee coverage: the memberships priced by the domain's tier rules (unit
 * price × members, or once per household); null while a pay-what-you-can price is unusable.
 */
function net(ctx: C): number | null {
  const chosen = tier(ctx);
  const unit = membershipUnitPrice(chosen, parseAmount(ctx, ctx.state.text(PRICE)));
  if (unit === null) return null;
  if (chosen.price.type === 'range' && (unit < chosen.price.minimum || unit > chosen.price.maximum))
    return null;
  return unit * membershipQuantity(chosen, count(ctx)) + extra(ctx);
}

function tierHint(ctx: C, option: Tier): string {
  const { t } = ctx.i18n;
  const price =
    option.price.type === 'fixed'
      ? money(ctx, option.price.amount)
      : t('freePrice', { min: money(ctx, option.price.minimum), max: money(ctx, option.price.maximum) });
  const per = option.per === 'member' && ctx.def.membership.maxMembers > 1 ? ` ${t('perMember')}` : '';
  return `${price}${per} ${t(option.period)}${option.description ? `. ${option.description}` : ''}`;
}

function priceField(ctx: C) {
  const chosen = tier(ctx);
  if (chosen.price.type !== 'range') return null;
  const { minimum, maximum, suggested } = chosen.price;
  if (!ctx.state.text(PRICE) && suggested) ctx.state.set(PRICE, amountText(ctx, suggested));
  return input(ctx, {
    name: PRICE,
    label: ctx.i18n.t('yourPrice'),
    hint: ctx.i18n.t('between', { min: money(ctx, minimum), max: money(ctx, maximum) }),
    required: true,
    inputmode: 'decimal',
    autocomplete: 'off',
    size: 10,
    check: checks.amount(ctx, PRICE, () => ({ min: minimum, max: maximum })),
  });
}

/** The member a state name is about (0, the payer's, for any other name). */
const memberOf = (name: string) => Number(/^membership\.members\.(\d+)\./.exec(name)?.[1]) || 0;

/** Moves the values of members after `removed` up one place, so nothing typed for them is lost. */
function removeMember(ctx: C, removed: number) {
  const values = ctx.state.snapshot();
  for (const name in values) if (memberOf(name) >= removed) ctx.state.remove(name);
  for (const name in values) {
    const index = memberOf(name);
    if (index > removed) ctx.state.set(name.replace(`.${index}.`, `.${index - 1}.`), values[name]!);
  }
  ctx.state.set(COUNT, String(count(ctx) - 1));
}

function memberFields(ctx: C, index: number) {
  const { t } = ctx.i18n;
  const fields = ctx.def.membership.fields;
  const answers = customFields(ctx, fields, member(index, 'fields'));
  if (index === 0) {
    return fields.length
      ? group(t('memberYou'), null, answers)
      : h('p', { class: 'g-member' }, t('memberYou'));
  }
  return group(
    t('member', { n: index + 1 }),
    `membership.members.${index}`,
    h(
      'div',
      { class: 'g-row' },
      input(ctx, {
        name: member(index, 'firstName'),
        label: t('firstName'),
        required: true,
        autocomplete: 'off',
        maxlength: LIMITS.name,
      }),
      input(ctx, {
        name: member(index, 'lastName'),
        label: t('lastName'),
        required: true,
        autocomplete: 'off',
        maxlength: LIMITS.name,
      }),
    ),
    input(ctx, {
      name: member(index, 'email'),
      label: t('email'),
      type: 'email',
      autocomplete: 'off',
      maxlength: LIMITS.email,
      check: checks.email(ctx, member(index, 'email'), false),
    }),
    answers,
    h(
      'button',
      {
        type: 'button',
        class: 'g-link',
        onclick: () => {
          removeMember(ctx, index);
          ctx.announce(t('memberRemoved', { n: index + 1 }));
          document.getElementById(idFor(ctx, 'add-member'))?.focus();
        },
      },
      t('removeMember', { n: index + 1 }),
    ),
  );
}

function members(ctx: C) {
  const { t } = ctx.i18n;
  const max = ctx.def.membership.maxMembers;
  return region(
    ctx,
    (name) => name === COUNT,
    () => {
      const n = count(ctx);
      const list = Array.from({ length: n }, (_, index) => memberFields(ctx, index));
      if (max <= 1) return list;
      return group(
        t('members'),
        'membership.members',
        list,
        n < max
          ? h(
              'button',
              {
                type: 'button',
                class: 'g-button g-secondary',
                id: idFor(ctx, 'add-member'),
                onclick: () => {
                  ctx.state.set(COUNT, String(n + 1));
                  ctx.announce(t('memberAdded', { n: n + 1 }));
                  document.getElementById(idFor(ctx, member(n, 'firstName')))?.focus();
                },
              },
              t('addMember'),
            )
          : null,
      );
    },
  );
}

export const membership: Kind<MembershipFormDefinition> = {
  seed(values, def) {
    const ids = def.membership.tiers.map((option) => option.id);
    if (!ids.includes(values[TIER] as string)) values[TIER] = ids[0] ?? '';
    // Without a count, as many members as the highest one named.
    values[COUNT] ??= String(Math.max(...Object.keys(values).map(memberOf)) + 1);
  },

  render(ctx) {
    const { t } = ctx.i18n;
    const settings = ctx.def.membership;
    return [
      radios(ctx, {
        name: TIER,
        label: t('tier'),
        required: true,
        class: 'g-cards',
        options: settings.tiers.map((option) => ({
          value: option.id,
          label: option.name,
          hint: tierHint(ctx, option),
        })),
      }),
      region(
        ctx,
        (name) => name === TIER,
        () => priceField(ctx),
      ),
      payerSection(ctx, addressSection(ctx, RECEIPT)),
      members(ctx),
      settings.allowExtraDonation
        ? input(ctx, {
            name: EXTRA,
            label: t('extraDonation'),
            inputmode: 'decimal',
            autocomplete: 'off',
            size: 10,
            check: checks.amount(ctx, EXTRA, () => ({ min: 1, max: 100_000_000_00 }), true),
          })
        : null,
      feeSection(ctx, () => net(ctx), 'coverCosts'),
      receiptBox(ctx, RECEIPT),
      consentsSection(ctx, true),
    ];
  },

  request(ctx): MembershipOrderRequest {
    const receipt = receiptAsked(ctx, RECEIPT);
    const fields = ctx.def.membership.fields;
    const common = commonRequest(ctx, net(ctx));
    if (receipt) common.payer.address = addressOf(ctx);
    const list = Array.from({ length: count(ctx) }, (_, index) => {
      // The first member is the payer, whose name is typed in the payer's section (and email not repeated).
      const value = (part: string) => ctx.state.text(index ? member(index, part) : `payer.${part}`).trim();
      const entry: Member = { firstName: value('firstName'), lastName: value('lastName') };
      if (index && value('email')) entry.email = value('email');
      if (fields.length) entry.fields = customValues(ctx, fields, member(index, 'fields'));
      return entry;
    });
    return {
      kind: 'membership',
      ...common,
      membership: {
        tierId: ctx.state.text(TIER),
        members: list,
        taxReceipt: receipt,
        // Undefined is left out of the JSON: no amount for a fixed price, no gift of 0. Sent once every check
        // passed, so a range tier's price is an amount.
        amount: tier(ctx).price.type === 'range' ? parseAmount(ctx, ctx.state.text(PRICE))! : undefined,
        extraDonation: extra(ctx) || undefined,
      },
    };
  },

  total(ctx): Total | null {
    const amount = net(ctx);
    return amount === null ? null : { amount: amount + feeIfCovered(ctx, amount) };
  },

  submitLabel(ctx, total) {
    return total ? ctx.i18n.t('join', { amount: money(ctx, total.amount) }) : ctx.i18n.t('continue');
  },

  alias(_ctx, field) {
    // Member 0's names are the payer's (the server never names member 0's email: it is not sent).
    return field === 'membership.amount'
      ? PRICE
      : field.replace(/^membership\.members\.0\.(?=\w+Name$)/, 'payer.');
  },
};
