import {
  buildReceiptDocument,
  receiptDonor,
  receiptPaymentMethod,
  validateReceiptIssuer,
  type ReceiptDocumentInput,
} from '../../backend-adapter/src/domain';
import type { OrderRequest } from '../../backend-adapter/src/protocol';
import { loadVectors, sortErrors } from './domain-vectors';

type JsonDocumentInput = Omit<ReceiptDocumentInput, 'issuedAt' | 'paidOn'> & {
  issuedAt: string;
  paidOn?: string;
  paidAt?: string;
};

interface DocumentCase {
  name: string;
  fn: 'receiptDonor' | 'receiptPaymentMethod' | 'buildReceiptDocument' | 'validateReceiptIssuer';
  input: {
    request?: OrderRequest;
    provider?: string;
    offlineMethod?: string | null;
    issuer?: unknown;
  } & Partial<JsonDocumentInput>;
  expected?: unknown;
  throws?: true;
}

const vectors = loadVectors<DocumentCase>('receipts-documents.json');

function documentInput(json: JsonDocumentInput): ReceiptDocumentInput {
  const { paidAt, paidOn, issuedAt, ...rest } = json;
  const input: ReceiptDocumentInput = { ...rest, issuedAt: new Date(issuedAt) };
  if (paidOn !== undefined) input.paidOn = paidOn;
  if (paidAt !== undefined) input.paidOn = new Date(paidAt);
  return input;
}

function run(c: DocumentCase): unknown {
  const { input } = c;
  switch (c.fn) {
    case 'receiptDonor':
      return receiptDonor(input.request as OrderRequest);
    case 'receiptPaymentMethod':
      return receiptPaymentMethod(input.provider as string, input.offlineMethod);
    case 'buildReceiptDocument':
      return buildReceiptDocument(documentInput(input as JsonDocumentInput));
    case 'validateReceiptIssuer':
      return sortErrors(validateReceiptIssuer(input.issuer));
  }
}

describe('receipts documents vectors', () => {
  it.each(vectors.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    if (c.throws) {
      expect(() => run(c)).toThrow(RangeError);
      return;
    }
    const expected =
      c.fn === 'validateReceiptIssuer'
        ? sortErrors(c.expected as Array<{ code: string; field?: string }>)
        : c.expected;
    // Strict: a key absent from the vector must be absent from the document (the ledger hashes every key).
    expect(run(c)).toStrictEqual(expected);
  });
});
