import {
  SIMULATION_CARDS,
  SIMULATION_CHALLENGE_REFUSED,
  SIMULATION_OTHER_CARD,
  type SimulationOutcome,
} from '../../protocol';

/**
 * The simulation's test cards come from the protocol's shared table (simulation-cards.json, documented in
 * docs/protocol.md and read by the PHP adapter too), so no host can drift from it. They are the numbers
 * Stripe's test mode uses for the same behaviour, so a tester's habits carry over.
 */
export interface CardBehaviour {
  outcome: SimulationOutcome;
  /** The processor's reason for a decline (Stripe's decline codes). */
  reason?: string;
  settleAfterSeconds?: number;
}

const BY_NUMBER = new Map(SIMULATION_CARDS.map((card) => [card.number, card]));

/** A number missing from the table is declined (`invalid_number`), so nothing unexpected ever "pays". */
export function cardBehaviour(card: string): CardBehaviour {
  return BY_NUMBER.get(card.replace(/[\s-]/g, '')) ?? SIMULATION_OTHER_CARD;
}

/** The payer refused the 3-D Secure challenge. */
export const CHALLENGE_REFUSED_REASON = SIMULATION_CHALLENGE_REFUSED.reason;
