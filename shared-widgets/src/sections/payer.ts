import { COUNTRY_CODES } from '../../../backend-adapter/src/domain/validation/countries';
import { LIMITS } from '../../../backend-adapter/src/domain/validation/payer';
import type { Address, Payer } from '../../../backend-adapter/src/protocol/order-request';
import * as checks from '../core/checks';
import type { Ctx } from '../core/context';
import { h } from '../core/dom';
import { group, input, select } from '../core/fields';
import { region } from '../core/region';

/** Country names in the payer's language, France first, then alphabetical. */
function countries(ctx: Ctx) {
  const names = new Intl.DisplayNames([ctx.i18n.locale], { type: 'region' });
  const collator = new Intl.Collator(ctx.i18n.locale);
  const all = [...COUNTRY_CODES].map((code) => ({ value: code, label: names.of(code) ?? code }));
  all.sort((a, b) => (a.value === 'FR' ? -1 : b.value === 'FR' ? 1 : collator.compare(a.label, b.label)));
  return all;
}

function addressFields(ctx: Ctx) {
  const { t } = ctx.i18n;
  const at = (part: string) => `payer.address.${part}`;
  if (!ctx.state.has(at('country'))) ctx.state.set(at('country'), 'FR');
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
      check: checks.chosen(ctx, at('country')),
    }),
  );
}

/**
 * Email and names; the postal address only while `needsAddress()` holds (a tax receipt was asked), redrawn
 * when one of `addressDependsOn` changes.
 */
export function payerSection(
  ctx: Ctx,
  needsAddress: () => boolean,
  addressDependsOn: (name: string) => boolean,
) {
  const { t } = ctx.i18n;
  return group(
    t('you'),
    null,
    input(ctx, {
      name: 'payer.email',
      label: t('email'),
      hint: t('emailHint'),
      type: 'email',
      required: true,
      autocomplete: 'email',
      maxlength: LIMITS.email,
      check: checks.email(ctx, 'payer.email'),
    }),
    h(
      'div',
      { class: 'g-row' },
      input(ctx, {
        name: 'payer.firstName',
        label: t('firstName'),
        required: true,
        autocomplete: 'given-name',
        maxlength: LIMITS.name,
      }),
      input(ctx, {
        name: 'payer.lastName',
        label: t('lastName'),
        required: true,
        autocomplete: 'family-name',
        maxlength: LIMITS.name,
      }),
    ),
    region(ctx, addressDependsOn, () => (needsAddress() ? addressFields(ctx) : null)),
  );
}

/** The payer of the request; the address only when it is needed (it is never sent otherwise). */
export function payerOf(ctx: Ctx, withAddress: boolean): Payer {
  const value = (name: string) => ctx.state.text(`payer.${name}`).trim();
  const payer: Payer = { email: value('email'), firstName: value('firstName'), lastName: value('lastName') };
  if (withAddress) {
    const address: Address = {
      line1: value('address.line1'),
      postalCode: value('address.postalCode'),
      city: value('address.city'),
      country: value('address.country') || 'FR',
    };
    if (value('address.line2')) address.line2 = value('address.line2');
    payer.address = address;
  }
  return payer;
}
