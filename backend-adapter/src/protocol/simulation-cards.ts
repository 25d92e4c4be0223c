import cards from './simulation-cards.json';
import type { ErrorCode } from './messages';

/** What the simulation provider does with a test card (docs/protocol.md, "Test cards"). */
export type SimulationOutcome = 'succeeded' | 'declined' | 'requires_action' | 'processing';

export interface SimulationDecline {
  outcome: 'declined';
  /** Catalogue code the order's `failure` shows the payer. */
  failureCode: ErrorCode;
  /** The processor's own reason, kept for the treasurer (Stripe's decline codes). */
  reason: string;
}

export interface SimulationCard {
  /** Digits only: hosts strip spaces from the posted number before looking it up. */
  number: string;
  outcome: SimulationOutcome;
  failureCode?: ErrorCode;
  reason?: string;
  /** For `processing`: the payment settles as paid this long after the confirmation. */
  settleAfterSeconds?: number;
  description: { fr: string; en: string };
}

/** The reference table, shared as JSON so the PHP adapter reads the very same cards. */
export const SIMULATION_CARDS = cards.cards as SimulationCard[];
/** Any number missing from the table is declined, so nothing unexpected ever "pays". */
export const SIMULATION_OTHER_CARD = cards.otherwise as SimulationDecline;
/** The payer refused the 3-D Secure challenge. */
export const SIMULATION_CHALLENGE_REFUSED = cards.challengeRefused as SimulationDecline;
