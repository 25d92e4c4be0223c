import { toFormDefinition, type TaxRules } from '../../backend-adapter/src/domain';
import type { FormConfig, Locale, PublicPaymentMethod } from '../../backend-adapter/src/protocol';
import { loadVectors } from './domain-vectors';

interface DefinitionCase {
  name: string;
  input: {
    form: string;
    ctx: { now: string; locale: Locale; availability?: Record<string, number | null>; raised?: number };
  };
  expected: unknown;
}

interface DefinitionExtra {
  paymentMethods: PublicPaymentMethod[];
  organization: { name: string };
  rules: TaxRules;
  forms: Record<string, FormConfig>;
}

const vectors = loadVectors<DefinitionCase, DefinitionExtra>('public-definition.json');

describe('public definition vectors', () => {
  it.each(vectors.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const form = vectors.forms[c.input.form];
    if (!form) throw new Error(`No form ${c.input.form} in public-definition.json`);
    const { now, locale, availability, raised } = c.input.ctx;
    const definition = toFormDefinition(form, {
      now: new Date(now),
      locale,
      ...(availability ? { availability: (typeId: string) => availability[typeId] ?? null } : {}),
      ...(raised !== undefined ? { raised } : {}),
      paymentMethods: vectors.paymentMethods,
      organization: vectors.organization,
      taxRules: vectors.rules,
    });
    expect(JSON.parse(JSON.stringify(definition))).toStrictEqual(c.expected);
  });
});
