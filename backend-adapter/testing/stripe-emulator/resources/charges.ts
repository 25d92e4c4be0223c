/**
 * Charges are not created through the API by Guichet; they exist because PaymentIntents and refunds point
 * at them (`latest_charge`, `amount_refunded`). Only retrieve is exposed.
 */
import type Stripe from 'stripe';
import type { ApiRoute, EmulatorContext } from '../context';
import { expandObject } from '../expand';
import { newId } from '../ids';
import { find } from '../lookup';
import type { EmulatedPaymentMethod } from '../payment-methods';

function paymentMethodDetails(
  method: EmulatedPaymentMethod,
  amount: number,
): Stripe.Charge.PaymentMethodDetails {
  if (method.kind === 'sepa_debit') {
    return {
      type: 'sepa_debit',
      sepa_debit: {
        bank_code: '37040044',
        branch_code: null,
        country: 'DE',
        fingerprint: `fp_${method.id.slice(3, 19)}`,
        last4: '3000',
        mandate: null,
      },
    };
  }
  return {
    type: 'card',
    card: {
      amount_authorized: amount,
      authorization_code: null,
      brand: 'visa',
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
      country: 'FR',
      electronic_commerce_indicator: null,
      exp_month: 12,
      exp_year: 2034,
      funding: 'credit',
      installments: null,
      last4: method.declineCode === null ? '4242' : '0002',
      mandate: null,
      network: 'visa',
      network_transaction_id: null,
      regulated_status: 'unregulated',
      three_d_secure: null,
      transaction_link_id: null,
      wallet: null,
    },
  };
}

export type ChargeStatus = 'succeeded' | 'pending' | 'failed';

export function buildCharge(
  ctx: EmulatorContext,
  pi: Stripe.PaymentIntent,
  method: EmulatedPaymentMethod,
  status: ChargeStatus,
  failure: { code: string; message: string } | null,
): Stripe.Charge {
  const succeeded = status === 'succeeded';
  return {
    id: newId('ch'),
    object: 'charge',
    amount: pi.amount,
    amount_captured: succeeded ? pi.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: succeeded ? newId('txn') : null,
    billing_details: { address: null, email: pi.receipt_email, name: null, phone: null, tax_id: null },
    calculated_statement_descriptor: pi.statement_descriptor ?? 'GUICHET EMULATOR',
    captured: succeeded,
    created: ctx.clock.now(),
    currency: pi.currency,
    customer: pi.customer,
    description: pi.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: failure?.code ?? null,
    failure_message: failure?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: { ...pi.metadata },
    on_behalf_of: null,
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: status === 'failed' ? 'declined_by_network' : 'approved_by_network',
      reason: failure?.code ?? null,
      risk_level: 'normal',
      seller_message:
        status === 'failed'
          ? 'The bank did not return any further details with this decline.'
          : 'Payment complete.',
      type: status === 'failed' ? 'issuer_declined' : 'authorized',
    },
    paid: succeeded,
    payment_intent: pi.id,
    payment_method: method.id,
    payment_method_details: paymentMethodDetails(method, pi.amount),
    receipt_email: pi.receipt_email,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: pi.statement_descriptor,
    statement_descriptor_suffix: pi.statement_descriptor_suffix,
    status,
    transfer_data: null,
    transfer_group: null,
  };
}

export const chargeRoutes: ApiRoute[] = [
  {
    method: 'GET',
    path: '/v1/charges/:id',
    handler: (_ctx, { account, params, pathParams }) => {
      const charge = find(account.charges, pathParams.id ?? '', 'charge', 'id', 404);
      const expand = params.expand();
      params.finish();
      return { body: expandObject(account, charge, expand) };
    },
  },
];
