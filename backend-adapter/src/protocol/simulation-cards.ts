import cards from './simulation-cards.json';
import type { ErrorCode } from './errors';

/** What the simulation provider does with a test card (docs/protocol.md, "Test cards"). */
export type SimulationOutcome = 'succeeded' | 'declined' | 'requires_action' | 'processing';

export interface SimulationCard {
  /** Digits only: hosts strip spaces from the posted number before looking it up. */
  number: string;
  outcome: SimulationOutcome;
  failureCode?: ErrorCode;
  description: { fr: string; en: string };
}

/** The reference table, shared as JSON so the PHP adapter reads the very same cards. */
export const SIMULATION_CARDS = cards.cards as SimulationCard[];
/** Outcome of any number missing from the table: declined, so nothing unexpected ever "pays". */
export const SIMULATION_OTHER_CARD = cards.otherwise as { outcome: 'declined'; failureCode: ErrorCode };
