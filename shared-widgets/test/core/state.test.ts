import { FormState } from '../../src/core/state';

describe('FormState', () => {
  test('reads text and ticked boxes', () => {
    const state = new FormState({ 'payer.email': 'a@b.fr', coverFees: false, anonymous: true, other: 'no' });
    expect(state.text('payer.email')).toBe('a@b.fr');
    expect(state.text('anonymous')).toBe('');
    expect(state.flag('coverFees')).toBe(false);
    expect(state.flag('anonymous')).toBe(true);
    expect(state.flag('other')).toBe(false);
    expect(state.flag('missing')).toBe(false);
  });

  test('tells listeners about real changes only', () => {
    const state = new FormState();
    const seen: string[] = [];
    state.onChange((name) => seen.push(name));
    state.set('a', 'x');
    state.set('a', 'x');
    state.set('b', true);
    state.set('a', 'y');
    expect(seen).toEqual(['a', 'b', 'a']);
  });

  test('forgets a removed name and carries every other value into a snapshot', () => {
    const state = new FormState({ 'm.0.a': '1', 'm.1.a': '2', 'm.10.a': '3', other: 'x' });
    state.remove('other');
    expect(state.snapshot()).toEqual({ 'm.0.a': '1', 'm.1.a': '2', 'm.10.a': '3' });
  });
});
