import { COUNTRY_CODES } from '../../../backend-adapter/src/domain/validation/countries';
import { LIMITS } from '../../../backend-adapter/src/domain/validation/payer';
import type {
  DonationFormDefinition,
  MembershipFormDefinition,
} from '../../../backend-adapter/src/protocol/form';
import type { Address } from '../../../backend-adapter/src/protocol/order-request';
import * as checks from '../core/checks';
import type { Ctx } from '../core/context';
import { h } from '../core/dom';
import { checkbox, group, input, select } from '../core/fields';
import { region } from '../core/region';

/*
 * The tax receipt a donation or a membership may ask for, and the postal address it needs. Apart from the
 * payer's section so that a ticket form, which never issues receipts, carries none of it (nor the country list).
 */

type C = Ctx<DonationFormDefinition | MembershipFormDefinition>;

/** Whether the payer asked for a receipt (`name`: the kind's checkbox), on a form that issues them. */
export const receiptAsked = (ctx: C, name: string) =>
  ctx.def.taxReduction !== undefined && ctx.state.flag(name);

/** The box asking for a receipt, on a form that issues them. */
export const receiptBox = (ctx: C, name: string) =>
  ctx.def.taxReduction ? checkbox(ctx, { name, label: ctx.i18n.t('taxReceipt') }) : null;

/** Country names in the payer's language, France first, then alphabetical. */
function countries(ctx: Ctx) {
  const names = new Intl.DisplayNames([ctx.i18n.locale], { type: 'region' });
  const collator = new Intl.Collator(ctx.i18n.locale);
  const all = [...COUNTRY_CODES].map((code) => ({ value: code, label: names.of(code) ?? code }));
  all.sort((a, b) => (a.value === 'FR' ? -1 : b.value === 'FR' ? 1 : collator.compare(a.label, b.label)));
  return all;
}

const at = (part: string) => `payer.address.${part}`;

function addressFields(ctx: Ctx) {
  const { t } = ctx.i18n;
  // France unless a country was given: the list has no empty choice, so one is always picked.
  if (!ctx.state.text(at('country'))) ctx.state.set(at('country'), 'FR');
  return group(
    t('address'),
    'payer.address',
    h('p', { class: 'g-hint' }, t('addressHint')),
    input(ctx, {
      name: at('line1'),
      label: t('address'),
      required: true,
      autocomplete: 'address-line1',
      maxlength: LIMITS.addressLine,
    }),
    input(ctx, {
      name: at('line2'),
      label: t('line2'),
      autocomplete: 'address-line2',
      maxlength: LIMITS.addressLine,
    }),
    h(
      'div',
      { class: 'g-row' },
      input(ctx, {
        name: at('postalCode'),
        label: t('postalCode'),
        required: true,
        autocomplete: 'postal-code',
        size: 8,
        maxlength: LIMITS.postalCode,
        check: checks.postalCode(ctx, at('postalCode'), at('country')),
      }),
      input(ctx, {
        name: at('city'),
        label: t('city'),
        required: true,
        autocomplete: 'address-level2',
        maxlength: LIMITS.city,
      }),
    ),
    select(ctx, {
      name: at('country'),
      label: t('country'),
      required: true,
      options: countries(ctx),
    }),
  );
}

/** The postal address, in the payer's section, while a receipt is asked (`name`: the kind's checkbox). */
export const addressSection = (ctx: C, name: string) =>
  region(
    ctx,
    (changed) => changed === name,
    () => (receiptAsked(ctx, name) ? addressFields(ctx) : null),
  );

/** The payer's address for the request, only with a receipt; the second line is left out when empty. */
export function addressOf(ctx: Ctx): Address {
  return Object.fromEntries(
    ['line1', 'line2', 'postalCode', 'city', 'country']
      .map((part) => [part, ctx.state.text(at(part)).trim()])
      .filter(([, value]) => value),
  ) as Address;
}
