import {
  annualSummaries,
  recurringDebits,
  type AnnualOrder,
  type DebitHistoryLine,
} from '../../backend-adapter/src/domain';
import { loadVectors } from './domain-vectors';

type Json<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};
type JsonDebit = { at: string; amount: number; paid: boolean };
type JsonOrder = Omit<Json<AnnualOrder>, 'debits'> & { debits: JsonDebit[] };

interface AnnualCase {
  name: string;
  fn: 'annualSummaries' | 'recurringDebits';
  input: {
    orders?: JsonOrder[];
    year?: number;
    order?: { total: number; paidAt: string | null };
    history?: Array<Json<DebitHistoryLine>>;
  };
  expected: unknown;
}

const vectors = loadVectors<AnnualCase>('receipts-annual.json');

function order(json: JsonOrder): AnnualOrder {
  return {
    ...json,
    paidAt: json.paidAt === null ? null : new Date(json.paidAt),
    debits: json.debits.map((debit) => ({ ...debit, at: new Date(debit.at) })),
  };
}

function run(c: AnnualCase): unknown {
  if (c.fn === 'annualSummaries') {
    return annualSummaries((c.input.orders ?? []).map(order), c.input.year as number);
  }
  const { total, paidAt } = c.input.order as { total: number; paidAt: string | null };
  const history = (c.input.history ?? []).map((line) => ({ ...line, at: new Date(line.at) }));
  return recurringDebits({ total, paidAt: paidAt === null ? null : new Date(paidAt) }, history).map(
    (debit) => ({ ...debit, at: debit.at.toISOString() }),
  );
}

describe('receipts annual vectors', () => {
  it.each(vectors.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(run(c)).toStrictEqual(c.expected);
  });
});
