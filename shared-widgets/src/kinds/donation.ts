import { taxPreviewFromPublic } from '../../../backend-adapter/src/domain/tax/tax-preview';
import type { DonationFormDefinition, Frequency } from '../../../backend-adapter/src/protocol/form';
import type { DonationOrderRequest } from '../../../backend-adapter/src/protocol/order-request';
import * as checks from '../core/checks';
import { money, moneyPer, parseAmount, type Ctx } from '../core/context';
import { h } from '../core/dom';
import { checkbox, input, radios, textarea } from '../core/fields';
import type { Kind, Total } from '../core/kind';
import { region } from '../core/region';
import { commonRequest } from '../sections/common';
import { consentsSection } from '../sections/consents';
import { feeIfCovered, feeSection } from '../sections/fees';
import { payerSection } from '../sections/payer';
import { addressOf, addressSection, receiptAsked, receiptBox } from '../sections/receipt';

type C = Ctx<DonationFormDefinition>;

const AMOUNT = 'donation.amount';
const CUSTOM = 'donation.customAmount';
const FREQUENCY = 'donation.frequency';
const RECEIPT = 'donation.taxReceipt';

const frequency = (ctx: C) => ctx.state.text(FREQUENCY) as Frequency;

/** Monthly gifts may have their own, smaller presets (the domain's donationPresets rule). */
function presets(ctx: C): number[] {
  const { presets, presetsMonthly } = ctx.def.donation;
  return frequency(ctx) === 'monthly' && presetsMonthly?.length ? presetsMonthly : presets;
}

/** The gift: the amount typed in "other amount" when there is one, else the preset picked. */
export function chosenAmount(ctx: C): number | null {
  const typed = ctx.state.text(CUSTOM).trim();
  if (typed) return parseAmount(ctx, typed);
  // The preset is one of those on screen (the amounts' region clears any other), or ''.
  return Number(ctx.state.text(AMOUNT)) || null;
}

const bounds = (ctx: C) => ({ min: Math.max(ctx.def.donation.minimum, 1), max: ctx.def.donation.maximum });

/** The typed amount's check, which shows its error too. */
const customCheck = (ctx: C) => checks.amount(ctx, CUSTOM, () => bounds(ctx), presets(ctx).length > 0);

/** The gift, once a typed amount passes its field's check. */
const usableAmount = (ctx: C) =>
  ctx.state.text(CUSTOM).trim() && customCheck(ctx)() ? null : chosenAmount(ctx);

/** A gift's amount "per month" or "per year" when it is regular. */
const INTERVALS = { once: undefined, monthly: 'month', yearly: 'year' } as const;
const perPeriod = (ctx: C, amount: number) => moneyPer(ctx, amount, INTERVALS[frequency(ctx)]);

function goal(ctx: C) {
  const target = ctx.def.donation.goal;
  if (!target?.amount) return null;
  const percent = Math.min(100, Math.floor((target.raised * 100) / target.amount));
  return h(
    'div',
    { class: 'g-goal' },
    h('p', null, ctx.i18n.t('goal', { raised: money(ctx, target.raised), goal: money(ctx, target.amount) })),
    h('div', { class: 'g-bar', 'aria-hidden': 'true' }, h('span', { style: `width:${percent}%` })),
  );
}

function amounts(ctx: C) {
  const { t } = ctx.i18n;
  const { min, max } = bounds(ctx);
  const presetGroup = region(
    ctx,
    (name) => name === FREQUENCY,
    () => {
      const offered = presets(ctx).map(String);
      if (ctx.state.text(AMOUNT) && !offered.includes(ctx.state.text(AMOUNT))) ctx.state.set(AMOUNT, '');
      if (!offered.length) return null;
      return radios(ctx, {
        name: AMOUNT,
        label: t('amount'),
        required: true,
        class: 'g-amounts',
        options: offered.map((value) => ({ value, label: perPeriod(ctx, Number(value)) })),
        check: () =>
          chosenAmount(ctx) === null && !ctx.state.text(CUSTOM).trim() ? { code: 'required' } : null,
      });
    },
  );
  const other = ctx.def.donation.allowCustomAmount
    ? input(ctx, {
        name: CUSTOM,
        label: presets(ctx).length ? t('otherAmount') : t('amount'),
        hint: t('between', { min: money(ctx, min), max: money(ctx, max) }),
        inputmode: 'decimal',
        autocomplete: 'off',
        size: 10,
        required: !presets(ctx).length,
        noMarker: true,
        check: customCheck(ctx),
      })
    : null;
  // A preset and a typed amount exclude each other: picking one clears the other.
  ctx.state.onChange((name) => {
    if (name === CUSTOM && ctx.state.text(CUSTOM).trim()) {
      ctx.state.set(AMOUNT, '');
      for (const radio of presetGroup.querySelectorAll('input')) radio.checked = false;
    } else if (name === AMOUNT && ctx.state.text(AMOUNT) && other) {
      ctx.state.set(CUSTOM, '');
      (other.querySelector('input') as HTMLInputElement).value = '';
    }
  });
  return [presetGroup, other];
}

/** "Your donation of 100 € costs you only 34 € after tax reduction", when the form issues receipts. */
function taxPreview(ctx: C) {
  const reduction = ctx.def.taxReduction;
  if (!reduction) return null;
  const line = h('p', { class: 'g-tax', 'aria-live': 'polite' });
  const update = () => {
    const amount = usableAmount(ctx);
    const shown = amount !== null && amount >= (reduction.minimumAmount ?? 1);
    line.hidden = !shown;
    if (!shown) return;
    const { netCost } = taxPreviewFromPublic(amount, reduction);
    line.textContent = ctx.i18n.t('taxPreview', {
      amount: perPeriod(ctx, amount),
      net: perPeriod(ctx, netCost),
    });
  };
  update();
  ctx.state.onChange((name) => {
    if (name === AMOUNT || name === CUSTOM || name === FREQUENCY) update();
  });
  return line;
}

export const donation: Kind<DonationFormDefinition> = {
  seed(values, def) {
    const { frequencies, defaultFrequency, defaultAmount } = def.donation;
    if (!frequencies.includes(values[FREQUENCY] as Frequency)) {
      values[FREQUENCY] = defaultFrequency ?? frequencies[0] ?? 'once';
    }
    // A typed amount wins over a preset (a no-JS form may send both), as it does on screen.
    if (typeof values[CUSTOM] === 'string' && values[CUSTOM].trim()) values[AMOUNT] = '';
    else if (values[AMOUNT] === undefined && defaultAmount) values[AMOUNT] = String(defaultAmount);
  },

  render(ctx) {
    const { t } = ctx.i18n;
    const { donation: settings } = ctx.def;
    return [
      goal(ctx),
      settings.frequencies.length > 1
        ? radios(ctx, {
            name: FREQUENCY,
            label: t('frequency'),
            required: true,
            class: 'g-segmented',
            options: settings.frequencies.map((value) => ({ value, label: t(value) })),
          })
        : null,
      amounts(ctx),
      feeSection(ctx, () => usableAmount(ctx), 'coverFees'),
      taxPreview(ctx),
      receiptBox(ctx, RECEIPT),
      payerSection(ctx, addressSection(ctx, RECEIPT)),
      settings.allowAnonymous ? checkbox(ctx, { name: 'donation.anonymous', label: t('anonymous') }) : null,
      settings.allowDedication
        ? textarea(ctx, {
            name: 'donation.dedication',
            label: t('dedication'),
            hint: t('dedicationHint'),
            maxlength: 500,
          })
        : null,
      consentsSection(ctx, true),
    ];
  },

  request(ctx) {
    const amount = chosenAmount(ctx);
    const receipt = receiptAsked(ctx, RECEIPT);
    const request: DonationOrderRequest = {
      kind: 'donation',
      ...commonRequest(ctx, amount),
      donation: {
        amount: amount ?? 0,
        frequency: frequency(ctx),
        taxReceipt: receipt,
        anonymous: ctx.def.donation.allowAnonymous && ctx.state.flag('donation.anonymous'),
      },
    };
    if (receipt) request.payer.address = addressOf(ctx);
    const dedication = ctx.state.text('donation.dedication').trim();
    if (ctx.def.donation.allowDedication && dedication) request.donation.dedication = dedication;
    return request;
  },

  total(ctx): Total | null {
    const amount = usableAmount(ctx);
    if (amount === null) return null;
    return { amount: amount + feeIfCovered(ctx, amount) };
  },

  submitLabel(ctx, total) {
    if (!total) return ctx.i18n.t('continue');
    return ctx.i18n.t('give', { amount: perPeriod(ctx, total.amount) });
  },

  usable(ctx, method) {
    // A cheque or a transfer cannot be collected again each month: regular gifts are paid online.
    return method.provider !== 'offline' || frequency(ctx) === 'once';
  },

  alias(ctx, field) {
    return field === AMOUNT && ctx.state.text(CUSTOM).trim() ? CUSTOM : field;
  },
};
