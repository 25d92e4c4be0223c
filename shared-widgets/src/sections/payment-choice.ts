import type {
  OfflineMethod,
  ProviderId,
  PublicPaymentMethod,
} from '../../../backend-adapter/src/protocol/form';
import type { Ctx } from '../core/context';
import { fill, h } from '../core/dom';
import { radios } from '../core/fields';

/** One radio value per way to pay: `stripe`, `simulation`, `offline.cheque`… (`payment.method` in forms). */
export const methodValue = (method: PublicPaymentMethod) =>
  method.provider === 'offline' ? `offline.${method.method}` : method.provider;

export const METHOD = 'payment.method';

/**
 * The ways to pay the host offers, as a radio group when there is a choice. `usable` filters them for the
 * current choices (a monthly gift cannot be paid by cheque, a free order needs no payment); the group is
 * redrawn only when that list changes, so typing elsewhere never disturbs it.
 */
export function paymentChoice(ctx: Ctx, usable: (method: PublicPaymentMethod) => boolean) {
  const { t } = ctx.i18n;
  const element = h('div', { class: 'g-region' });
  let drawn: string | null = null;
  const draw = () => {
    const all = ctx.def.paymentMethods;
    const methods = all.filter(usable);
    const values = methods.map(methodValue);
    // Nothing to pay (free tickets): the request still names a way to pay, which the host does not use.
    if (!values.includes(ctx.state.text(METHOD)))
      ctx.state.set(METHOD, values[0] ?? all.map(methodValue)[0] ?? '');
    if (values.join() === drawn) return;
    drawn = values.join();
    fill(
      element,
      methods.length < 2
        ? null
        : radios(ctx, {
            name: METHOD,
            label: t('method'),
            required: true,
            options: methods.map((method) => ({
              value: methodValue(method),
              label: t(method.provider === 'offline' ? method.method : method.provider),
            })),
          }),
    );
  };
  draw();
  ctx.state.onChange(draw);
  return element;
}

/** The request's payment choice from `payment.method`. */
export function paymentOf(ctx: Ctx): { provider: ProviderId; offlineMethod?: OfflineMethod } {
  const [provider, offlineMethod] = ctx.state.text(METHOD).split('.') as [
    ProviderId,
    OfflineMethod | undefined,
  ];
  return offlineMethod ? { provider, offlineMethod } : { provider };
}

/** A no-JS form may send the choice as the protocol's two fields: fold them into `payment.method`. */
export function seedMethod(values: Record<string, string | boolean>): void {
  const provider = values['payment.provider'];
  if (typeof provider === 'string' && values[METHOD] === undefined) {
    const offline = values['payment.offlineMethod'];
    values[METHOD] = provider === 'offline' && typeof offline === 'string' ? `offline.${offline}` : provider;
  }
}
