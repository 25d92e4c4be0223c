import { feeCoverage } from '../../../backend-adapter/src/domain/pricing/fee-coverage';
import { money, type Ctx } from '../core/context';
import { checkbox } from '../core/fields';
import type { TextKey } from '../i18n';
import { METHOD } from './payment-choice';

/** The extra the payer may add so the processor's fee does not eat into the gift (none for offline payment). */
export function coveredFee(ctx: Ctx, net: number | null): number {
  const rule = ctx.def.feeCoverage;
  if (!rule || !net || ctx.state.text(METHOD).startsWith('offline')) return 0;
  return feeCoverage(net, rule);
}

/** The fee amount as added to a total, when the payer ticked the box. */
export const feeIfCovered = (ctx: Ctx, net: number | null) =>
  ctx.state.flag('coverFees') ? coveredFee(ctx, net) : 0;

/**
 * "I add 0,63 € so that 100 % of my donation reaches the association": the amount in the label follows the
 * total as the payer types; the box hides while there is nothing to cover. Kept in the DOM so focus stays.
 */
export function feeSection(ctx: Ctx, net: () => number | null, text: TextKey) {
  if (!ctx.def.feeCoverage) return null;
  const field = checkbox(ctx, { name: 'coverFees', label: '' });
  const label = field.querySelector('label') as HTMLLabelElement;
  const update = () => {
    const fee = coveredFee(ctx, net());
    field.hidden = !fee;
    label.textContent = ctx.i18n.t(text, { fee: money(ctx, fee || 1) });
  };
  update();
  ctx.state.onChange(update);
  return field;
}
