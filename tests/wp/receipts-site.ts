// What the receipts tests share: an association's complete issuer settings, a donor with a postal address, and a
// one-off donation paid with the simulation's test card.
import type { WordPressSite } from './wp-server';
import { call, type Json } from './guichet-site';

/** The `receipts` part of guichet_settings, complete (the association's name comes from `organization`). */
export const RECEIPT_ISSUER = {
  address: { line1: '12 rue des Écoles', postalCode: '75005', city: 'Paris', country: 'FR' },
  object: 'Faire vivre un jardin partagé et ses ateliers pour les écoles du quartier.',
  status: 'general_interest',
  signatoryName: 'Claude Petit',
  signatoryRole: 'Trésorière',
};

export const RECEIPT_DONOR = {
  email: 'camille.martin@example.fr',
  firstName: 'Camille',
  lastName: 'Martin',
  address: { line1: '8 allée des Tilleuls', postalCode: '93100', city: 'Montreuil', country: 'FR' },
};

/** Creates a one-off donation of `amount` cents on `formId` and pays it by test card: order id and status token. */
export async function paidDonation(
  site: WordPressSite,
  formId: string,
  amount: number,
  taxReceipt: boolean,
  payer: Json = RECEIPT_DONOR,
): Promise<{ id: string; token: string; confirmed: Json }> {
  const created = await call(site, 'POST', `/forms/${formId}/orders`, {
    kind: 'donation',
    locale: 'fr',
    payment: { provider: 'simulation' },
    payer,
    coverFees: false,
    expectedTotal: amount,
    donation: { amount, frequency: 'once', taxReceipt, anonymous: false },
  });
  if (created.status !== 201) throw new Error(`order refused: ${JSON.stringify(created.body)}`);
  const { order, token, next } = created.body as { order: Json; token: string; next: Json };
  const confirm = await call(site, 'POST', `/simulation/${order.id as string}/confirm`, {
    clientSecret: next.clientSecret,
    card: '4242424242424242',
  });
  return { id: order.id as string, token, confirmed: confirm.body };
}
