import { currencyExponent, formatMoney, isMinorAmount, parseMoney } from '../../backend-adapter/src/domain';
import { loadVectors } from './domain-vectors';

interface MoneyCase {
  name: string;
  fn: 'currencyExponent' | 'formatMoney' | 'parseMoney' | 'isMinorAmount';
  input: Record<string, never>;
  expected?: unknown;
  throws?: boolean;
}

const vectors = loadVectors<MoneyCase>('money.json');

function run(c: MoneyCase): unknown {
  const input = c.input as Record<string, unknown>;
  switch (c.fn) {
    case 'currencyExponent':
      return currencyExponent(input.currency as string);
    case 'formatMoney':
      return formatMoney(input.amount as number, input.currency as string, input.locale as string, {
        compact: input.compact === true,
      });
    case 'parseMoney':
      return parseMoney(input.text as string, input.currency as string, input.locale as string);
    case 'isMinorAmount':
      return isMinorAmount(input.value);
  }
}

describe('money vectors', () => {
  it.each(vectors.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    if (c.throws) expect(() => run(c)).toThrow();
    else expect(run(c)).toEqual(c.expected);
  });
});
