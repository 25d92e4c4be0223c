import { transition, type PaymentEvent } from '../../backend-adapter/src/domain';
import type { OrderStatusValue } from '../../backend-adapter/src/protocol';
import { loadVectors } from './domain-vectors';

interface TransitionCase {
  name: string;
  input: { from: OrderStatusValue; event: PaymentEvent };
  expected:
    { ok: true; to: OrderStatusValue; duplicate: boolean } | { ok: false; code: 'illegal_transition' };
}

const vectors = loadVectors<TransitionCase>('state-transitions.json');

describe('payment state machine vectors', () => {
  it.each(vectors.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(transition(c.input.from, c.input.event)).toMatchObject(c.expected);
  });
});
