import { Attempts, newKey } from '../../src/core/attempts';

describe('idempotency keys', () => {
  test('the same request sent again (no answer came) keeps its key', () => {
    const attempts = new Attempts();
    expect(attempts.keyFor('{"a":1}')).toBe(attempts.keyFor('{"a":1}'));
  });

  test('a changed request, or one the host answered, gets a new key', () => {
    const attempts = new Attempts();
    const first = attempts.keyFor('{"a":1}');
    const changed = attempts.keyFor('{"a":2}');
    expect(changed).not.toBe(first);
    attempts.settle();
    expect(attempts.keyFor('{"a":2}')).not.toBe(changed);
  });

  test('keys are 128 random bits in hex', () => {
    expect(newKey()).toMatch(/^[0-9a-f]{32}$/);
    expect(newKey()).not.toBe(newKey());
  });
});
