import type { Ctx } from '../core/context';
import { h } from '../core/dom';
import { checkbox } from '../core/fields';

/**
 * CNIL wording: charity appeals may follow a gift unless the payer objects (an unticked "no" box), while a
 * newsletter needs an explicit opt-in (an unticked "yes" box); and the payer is told what the data is for.
 */
export function consentsSection(ctx: Ctx, withObjection: boolean) {
  const { t } = ctx.i18n;
  const org = ctx.def.organization.name;
  return h(
    'div',
    { class: 'g-consents' },
    withObjection ? checkbox(ctx, { name: 'consents.solicitationObjection', label: t('objection') }) : null,
    checkbox(ctx, { name: 'consents.newsletterOptIn', label: t('newsletter') }),
    h('p', { class: 'g-hint g-privacy' }, t('privacy', { org })),
  );
}

export function consentsOf(ctx: Ctx) {
  return {
    solicitationObjection: ctx.state.flag('consents.solicitationObjection'),
    newsletterOptIn: ctx.state.flag('consents.newsletterOptIn'),
  };
}
