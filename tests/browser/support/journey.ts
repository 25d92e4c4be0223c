import type { Page } from 'playwright-core';

export interface PayerDetails {
  email: string;
  firstName: string;
  lastName: string;
}

export const CLAIRE: PayerDetails = { email: 'claire@example.org', firstName: 'Claire', lastName: 'Dubois' };

/** Types the payer's details in the French form, as a payer would (labels, not selectors). */
export async function fillPayer(page: Page, payer: PayerDetails = CLAIRE): Promise<void> {
  await page.getByLabel('E-mail', { exact: true }).fill(payer.email);
  await page.getByLabel('Prénom', { exact: true }).first().fill(payer.firstName);
  await page.getByLabel('Nom', { exact: true }).first().fill(payer.lastName);
}

/** On the simulation's payment step: types a test card and presses "Payer …". */
export async function payByTestCard(page: Page, card: string): Promise<void> {
  await page.getByLabel('Numéro de carte de test').fill(card);
  await page.getByRole('button', { name: /^Payer / }).click();
}
