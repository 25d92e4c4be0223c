import type { NextAction, OrderStatus } from '../../../backend-adapter/src/protocol/order-response';
import type { ProtocolClient } from '../core/client';
import { money, type Ctx } from '../core/context';
import { loadSimulationStep } from '../core/chunks';
import { h } from '../core/dom';
import type { PaymentStep } from '../payment/step';
import { stripePayment } from '../payment/stripe';

import { orderLines } from './lines';

type ConfirmNext = Extract<NextAction, { type: 'confirm' }>;

/**
 * The payment step: the order as priced by the host, then the provider's part (Stripe, or the simulation's
 * test card). `back` returns to the form with everything typed; `done` moves on to the status page.
 */
export function paymentView(
  ctx: Ctx,
  client: ProtocolClient,
  created: { order: OrderStatus; token: string },
  next: ConfirmNext,
  handlers: { done(order: OrderStatus): void; back(): void },
): HTMLElement {
  const { t } = ctx.i18n;
  const alert = h('p', { class: 'g-problem', role: 'alert' });
  const mount = h('div', { class: 'g-pay', 'aria-busy': 'true' });
  const heading = h('h2', { class: 'g-title', tabindex: -1 }, t('payment'));
  const view = h(
    'div',
    { class: 'g-view g-payment' },
    heading,
    orderLines(ctx, created.order),
    alert,
    mount,
    h('button', { type: 'button', class: 'g-link', onclick: handlers.back }, t('back')),
  );
  const step: PaymentStep = {
    ...created,
    ctx,
    client,
    amount: money(ctx, created.order.total),
    root: view,
    done: handlers.done,
    problem: (message) => {
      alert.textContent = message ?? '';
    },
  };
  // Each provider's code comes now, as a chunk of its own: the simulation's test cards (a demo and test
  // provider), Stripe's loader package; offline payers download neither.
  const drawn =
    next.provider === 'simulation'
      ? loadSimulationStep().then(({ simulationPayment }) => mount.append(simulationPayment(step, next)))
      : stripePayment(step, next, mount);
  drawn
    .catch(() => step.problem(t(next.provider === 'simulation' ? 'network' : 'stripeFailed')))
    .finally(() => mount.removeAttribute('aria-busy'));
  return view;
}
