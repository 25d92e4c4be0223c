// A one-off donation paid with the simulation's test card, through whichever host's API `call` reaches
// (WordPress REST routes, SPIP's guichet_api action): what the receipts tests of every host start from.

type Json = Record<string, unknown>;

/** One request to a host's Guichet API: `route` is the protocol path, e.g. `/forms/dons/orders`. */
export type ApiCall = (method: string, route: string, body?: Json) => Promise<{ status: number; body: Json }>;

/** A donor with a postal address, as a receipt needs. */
export const RECEIPT_DONOR = {
  email: 'camille.martin@example.fr',
  firstName: 'Camille',
  lastName: 'Martin',
  address: { line1: '8 allée des Tilleuls', postalCode: '93100', city: 'Montreuil', country: 'FR' },
};

/** The gift the hosts' receipt tests make, and what its receipt must say of it: donor, amount in figures and words. */
export const RECEIPT_GIFT = {
  amount: 12345,
  mentions: [
    RECEIPT_DONOR.firstName,
    RECEIPT_DONOR.lastName,
    '123,45',
    'cent vingt-trois euros et quarante-cinq centimes',
  ],
};

/**
 * Creates a one-off donation of `amount` cents on `formId` and pays it by test card: order id, status token and
 * the confirmation's answer (for the caller to check it says paid).
 */
export async function paidSimulationDonation(
  call: ApiCall,
  formId: string | number,
  amount: number,
  taxReceipt: boolean,
  payer: Json = RECEIPT_DONOR,
): Promise<{ id: string; token: string; confirmed: Json }> {
  const created = await call('POST', `/forms/${formId}/orders`, {
    kind: 'donation',
    locale: 'fr',
    payment: { provider: 'simulation' },
    payer,
    coverFees: false,
    expectedTotal: amount,
    donation: { amount, frequency: 'once', taxReceipt, anonymous: false },
  });
  if (created.status !== 201)
    throw new Error(`order refused (${created.status}): ${JSON.stringify(created.body)}`);
  const { order, token, next } = created.body as { order: Json; token: string; next: Json };
  const confirm = await call('POST', `/simulation/${order.id as string}/confirm`, {
    clientSecret: next.clientSecret,
    card: '4242424242424242',
  });
  return { id: order.id as string, token, confirmed: confirm.body };
}
