import type { ReceiptIssuer } from '../../src/domain/receipts';

/** The association issuing receipts in the tests, as the site config's `organization.receipts` holds it. */
export const RECEIPTS_CONFIG = {
  address: { line1: '3 place du Marché', postalCode: '35000', city: 'Rennes', country: 'FR' },
  object: 'Faire vivre un jardin partagé ouvert à tous les habitants du quartier.',
  status: 'general_interest',
  signatory: { name: 'Marie Curie', role: 'Trésorière' },
  linkSecretEnv: 'RECEIPT_LINK_SECRET',
} as const;

export const RECEIPT_LINK_SECRET = 'receipt-link-secret-for-tests-0123456789abcdef';

export const ISSUER: ReceiptIssuer = {
  name: 'Les Amis du Jardin partagé',
  address: { ...RECEIPTS_CONFIG.address },
  object: RECEIPTS_CONFIG.object,
  status: 'general_interest',
  signatory: { ...RECEIPTS_CONFIG.signatory },
};

export const ADDRESS = { line1: '12 rue des Lilas', postalCode: '69003', city: 'Lyon', country: 'FR' };
