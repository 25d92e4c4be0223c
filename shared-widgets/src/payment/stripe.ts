import type { NextAction } from '../../../backend-adapter/src/protocol/order-response';
import { loadStripeJs } from '../core/chunks';
import { h } from '../core/dom';
import { returnUrl } from '../sections/common';
import type { PaymentStep } from './step';

type StripeNext = Extract<NextAction, { provider: 'stripe' }>;

/** Stripe's fields in the widget's colours, read from the custom properties the theme may have set. */
function appearance(root: HTMLElement) {
  const style = getComputedStyle(root);
  const read = (name: string) => style.getPropertyValue(name).trim() || undefined;
  return {
    variables: {
      colorPrimary: read('--guichet-accent'),
      borderRadius: read('--guichet-radius'),
      fontFamily: read('--guichet-font'),
    },
  };
}

/**
 * Stripe's loader and Stripe.js are fetched only now, when the payer reaches payment. The host chose the
 * integration: Stripe's embedded Checkout page, or its Payment Element inside our own step with our own pay
 * button after it.
 */
export async function stripePayment(step: PaymentStep, next: StripeNext, mount: HTMLElement): Promise<void> {
  const { t } = step.ctx.i18n;
  const { loadStripe } = await loadStripeJs();
  // Null only without a window (server-side rendering); in a browser a failed load rejects (shown as stripeFailed).
  const stripe = (await loadStripe(next.publishableKey))!;
  if (next.uiMode === 'embedded_page') {
    const checkout = await stripe.createEmbeddedCheckoutPage({
      clientSecret: next.clientSecret,
      onComplete: () => {
        checkout.destroy();
        step.done(step.order);
      },
    });
    return checkout.mount(mount);
  }
  const sdk = stripe.initCheckoutElementsSdk({
    clientSecret: next.clientSecret,
    elementsOptions: { appearance: appearance(step.root) },
  });
  sdk.createPaymentElement().mount(mount);
  const button = h(
    'button',
    {
      type: 'button',
      class: 'g-button g-primary',
      onclick: async () => {
        button.disabled = true;
        step.problem(null);
        try {
          const loaded = await sdk.loadActions();
          if (loaded.type === 'error') return step.problem(loaded.error.message);
          const result = await loaded.actions.confirm({
            redirect: 'if_required',
            returnUrl: returnUrl({ id: step.order.id, token: step.token }),
          });
          if (result.type === 'error') return step.problem(result.error.message);
          step.done(step.order);
        } finally {
          button.disabled = false;
        }
      },
    },
    t('pay', { amount: step.amount }),
  );
  mount.after(button);
}
