import {
  SIMULATION_CARDS,
  SIMULATION_CHALLENGE_REFUSED,
  SIMULATION_OTHER_CARD,
  isErrorCode,
  type SimulationCard,
} from '../../src/protocol';
import { answerChallenge, confirmCard } from '../../src/providers/simulation/processor';
import { signClientSecret } from '../../src/providers/simulation/tokens';

// The table in simulation-cards.json is the reference; the simulation provider must behave exactly as it says.
const secret = 'test-simulation-secret-0123456789';
const now = new Date('2026-11-23T20:40:03Z');
const clientSecret = signClientSecret(secret, { orderId: 'ord_3Tn9cVb2Hq', amount: 3400, currency: 'EUR' });
const spaced = (number: string) => number.replace(/(\d{4})(?=\d)/g, '$1 ');

describe('simulation test cards', () => {
  it('are distinct 16-digit numbers covering every outcome', () => {
    const numbers = SIMULATION_CARDS.map((card) => card.number);
    for (const number of numbers) expect(number).toMatch(/^\d{16}$/);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(new Set(SIMULATION_CARDS.map((card) => card.outcome))).toEqual(
      new Set(['succeeded', 'declined', 'requires_action', 'processing']),
    );
  });

  it('show the payer a catalogue message whenever they decline', () => {
    const declines = [...SIMULATION_CARDS.filter((c) => c.outcome === 'declined'), SIMULATION_OTHER_CARD];
    for (const decline of [...declines, SIMULATION_CHALLENGE_REFUSED]) {
      expect(isErrorCode(decline.failureCode ?? '')).toBe(true);
      expect(decline.reason).toMatch(/^[a-z_]+$/);
    }
  });

  it.each(SIMULATION_CARDS.map((card): [string, SimulationCard] => [spaced(card.number), card]))(
    'the simulation provider answers %s as the table says',
    (number, card) => {
      const answer = confirmCard(secret, clientSecret, number, now);
      expect(answer.outcome).toBe(card.outcome);
      expect(answer.failure?.code).toBe(card.reason);
      if (card.outcome === 'succeeded')
        expect(answer.events.map((event) => event.type)).toEqual(['payment_succeeded']);
      if (card.outcome === 'declined')
        expect(answer.events.map((event) => event.type)).toEqual(['payment_failed']);
      if (card.outcome === 'requires_action') expect(answer.events).toEqual([]);
    },
  );

  it('declines any number missing from the table', () => {
    const answer = confirmCard(secret, clientSecret, '4111 1111 1111 1111', now);
    expect([answer.outcome, answer.failure?.code]).toEqual([
      SIMULATION_OTHER_CARD.outcome,
      SIMULATION_OTHER_CARD.reason,
    ]);
  });

  it('settles a delayed payment after the time the table gives', () => {
    const delayed = SIMULATION_CARDS.find((card) => card.outcome === 'processing');
    const answer = confirmCard(secret, clientSecret, delayed?.number ?? '', now);
    expect(answer.outcome).toBe('processing');
    const settleAt = now.getTime() + (delayed?.settleAfterSeconds ?? 0) * 1000;
    expect(answer.providerRef).toContain(`_settling_${settleAt / 1000}_`);
  });

  it('pays after an approved 3-D Secure challenge and fails after a refused one', () => {
    expect(answerChallenge(secret, clientSecret, true, now).outcome).toBe('succeeded');
    const refused = answerChallenge(secret, clientSecret, false, now);
    expect([refused.outcome, refused.failure?.code]).toEqual([
      SIMULATION_CHALLENGE_REFUSED.outcome,
      SIMULATION_CHALLENGE_REFUSED.reason,
    ]);
  });
});
