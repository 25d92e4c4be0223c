import { LIMITS } from '../../../backend-adapter/src/domain/validation/payer';
import type { Payer } from '../../../backend-adapter/src/protocol/order-request';
import * as checks from '../core/checks';
import type { Ctx } from '../core/context';
import { h, type Child } from '../core/dom';
import { group, input } from '../core/fields';

/** Email and names, then `more` in the same group (the postal address, when a receipt asks for it). */
export function payerSection(ctx: Ctx, ...more: Child[]) {
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
    more,
  );
}

/** The payer of the request, without the address (sections/receipt.ts adds it when a receipt is asked). */
export function payerOf(ctx: Ctx): Payer {
  const value = (name: string) => ctx.state.text(`payer.${name}`).trim();
  return { email: value('email'), firstName: value('firstName'), lastName: value('lastName') };
}
