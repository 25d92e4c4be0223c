/**
 * The simulation's test cards: the numbers Stripe's test mode uses for the same behaviour, so a tester's habits
 * carry over. The reference table for payers and developers is in docs/protocol.md; this is its code.
 */
export type CardBehaviour =
  | { kind: 'succeed' }
  | { kind: 'decline'; code: 'generic_decline' | 'insufficient_funds' }
  | { kind: 'challenge' }
  | { kind: 'delayed'; settleAfterSeconds: number };

export const TEST_CARDS: Readonly<Record<string, CardBehaviour>> = {
  '4242424242424242': { kind: 'succeed' },
  '4000000000000002': { kind: 'decline', code: 'generic_decline' },
  '4000000000009995': { kind: 'decline', code: 'insufficient_funds' },
  '4000002760003184': { kind: 'challenge' },
  '4000000000000077': { kind: 'delayed', settleAfterSeconds: 10 },
};

/**
 * What a card number does; any other number is refused as `invalid_number`, as Stripe's test mode refuses
 * real card numbers, so a payer who mistypes sees a decline rather than a silent success.
 */
export function cardBehaviour(card: string): CardBehaviour | { kind: 'unknown' } {
  return TEST_CARDS[card.replace(/[\s-]/g, '')] ?? { kind: 'unknown' };
}
