// What the WordPress receipts tests share: an association's complete issuer settings, and a one-off donation paid
// with the simulation's test card through the site's REST routes.
import type { WordPressSite } from './wp-server';
import { call, type Json } from './guichet-site';
import { paidSimulationDonation, RECEIPT_DONOR } from '../support/simulation-donation';

/** The `receipts` part of guichet_settings, complete (the association's name comes from `organization`). */
export const RECEIPT_ISSUER = {
  address: { line1: '12 rue des Écoles', postalCode: '75005', city: 'Paris', country: 'FR' },
  object: 'Faire vivre un jardin partagé et ses ateliers pour les écoles du quartier.',
  status: 'general_interest',
  signatoryName: 'Claude Petit',
  signatoryRole: 'Trésorière',
};

/** Creates a one-off donation of `amount` cents on `formId` and pays it by test card: order id and status token. */
export function paidDonation(
  site: WordPressSite,
  formId: string,
  amount: number,
  taxReceipt: boolean,
  payer: Json = RECEIPT_DONOR,
): Promise<{ id: string; token: string; confirmed: Json }> {
  return paidSimulationDonation(
    (method, route, body) => call(site, method, route, body),
    formId,
    amount,
    taxReceipt,
    payer,
  );
}
