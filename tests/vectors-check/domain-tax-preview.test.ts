import {
  publicTaxReduction,
  taxPreview,
  taxPreviewFromPublic,
  type TaxPreviewScheme,
  type TaxRules,
} from '../../backend-adapter/src/domain';
import type { FormConfig } from '../../backend-adapter/src/protocol';
import { loadVectors } from './domain-vectors';

interface TaxCase {
  name: string;
  fn: 'taxPreview' | 'publicTaxReduction';
  input: {
    amount: number;
    scheme: TaxPreviewScheme;
    year: number;
    taxableIncome?: number;
    turnover?: number;
    form: string;
  };
  expected: unknown;
}

const vectors = loadVectors<TaxCase, { rules: TaxRules; forms: Record<string, FormConfig> }>(
  'tax-preview.json',
);
const { rules, forms } = vectors;

function form(id: string): FormConfig {
  const found = forms[id];
  if (!found) throw new Error(`No form ${id} in tax-preview.json`);
  return found;
}

describe('tax preview vectors', () => {
  it.each(vectors.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { input } = c;
    if (c.fn === 'publicTaxReduction') {
      expect(publicTaxReduction(form(input.form), rules, input.year) ?? null).toEqual(c.expected);
      return;
    }
    const opts: { year: number; taxableIncome?: number; turnover?: number } = { year: input.year };
    if (input.taxableIncome !== undefined) opts.taxableIncome = input.taxableIncome;
    if (input.turnover !== undefined) opts.turnover = input.turnover;
    expect(taxPreview(input.amount, input.scheme, rules, opts)).toEqual(c.expected);
  });

  // The widget previews from the public definition only: it must reach the same figures as the server.
  const personal = vectors.cases.filter((c) => c.fn === 'taxPreview' && c.input.scheme !== 'companies');
  it.each(personal.map((c) => [c.name, c] as const))('from the public definition: %s', (_name, c) => {
    const { input } = c;
    const base = form('don-general');
    const config = {
      ...base,
      taxReceipt: { enabled: true, scheme: input.scheme as 'general' | 'coluche' },
    } as FormConfig;
    const reduction = publicTaxReduction(config, rules, input.year);
    if (!reduction) throw new Error('expected a public tax reduction');
    const opts = input.taxableIncome === undefined ? {} : { taxableIncome: input.taxableIncome };
    expect(taxPreviewFromPublic(input.amount, reduction, opts)).toEqual(c.expected);
  });
});
