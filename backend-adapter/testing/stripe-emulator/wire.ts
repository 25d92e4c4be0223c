import type Stripe from 'stripe';

/**
 * Stripe sends decimal fields (`unit_amount_decimal`…) as JSON strings, and SDK 23 turns them into its
 * `Decimal` class on arrival. The emulator has no runtime dependency on the SDK, so it builds the wire form
 * (a string) and states here, once, that this string stands for the SDK's type.
 */
export function wireDecimal(value: number | string): Stripe.Decimal {
  return String(value) as unknown as Stripe.Decimal;
}
