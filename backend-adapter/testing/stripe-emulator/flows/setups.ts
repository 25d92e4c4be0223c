/** What a SetupIntent does with a payment method: cards are checked at once, SEPA gets a mandate. */
import type Stripe from 'stripe';
import type { EmulatorContext } from '../context';
import type { EventCause } from '../events';
import { newId } from '../ids';
import type { EmulatedPaymentMethod } from '../payment-methods';
import type { AccountState } from '../store';

export function attemptSetup(
  ctx: EmulatorContext,
  account: AccountState,
  si: Stripe.SetupIntent,
  method: EmulatedPaymentMethod,
  cause: EventCause,
): 'succeeded' | 'declined' {
  if (method.declineCode !== null) {
    si.status = 'requires_payment_method';
    si.payment_method = null;
    si.last_setup_error = {
      type: 'card_error',
      code: 'card_declined',
      decline_code: method.declineCode,
      message: 'Your card was declined.',
      payment_method_type: method.kind,
      doc_url: 'https://stripe.com/docs/error-codes/card-declined',
    };
    ctx.events.publish(account, 'setup_intent.setup_failed', si, cause);
    return 'declined';
  }
  si.status = 'succeeded';
  si.payment_method = method.id;
  si.last_setup_error = null;
  if (!si.payment_method_types.includes(method.kind))
    si.payment_method_types = [...si.payment_method_types, method.kind];
  if (method.kind === 'sepa_debit') si.mandate = newId('mandate');
  ctx.events.publish(account, 'setup_intent.succeeded', si, cause);
  return 'succeeded';
}
