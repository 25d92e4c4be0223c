import type { Page } from 'playwright-core';
import { signSimulationEvent } from '../../../backend-adapter/src/providers/simulation';
import { SIMULATION_SETTINGS } from './forms';
import type { FakeHost } from './fake-host/host';

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

/** Plays a later event of the simulated processor (a failure after the fact…), signed as a real one. */
export async function simulationEvent(
  host: FakeHost,
  orderId: string,
  type: 'payment_succeeded' | 'payment_failed' | 'payment_expired',
): Promise<void> {
  const now = new Date();
  const signed = signSimulationEvent(
    SIMULATION_SETTINGS.simulation?.secret ?? '',
    {
      id: `evt_${type}_${orderId}`,
      type,
      orderId,
      createdAt: now.toISOString(),
      ...(type === 'payment_failed' ? { failureCode: 'card_declined' } : {}),
    },
    now,
  );
  const response = await fetch(`${host.base}/webhooks/simulation`, {
    method: 'POST',
    headers: signed.headers,
    body: signed.body,
  });
  if (!response.ok)
    throw new Error(`simulation webhook answered ${response.status}: ${await response.text()}`);
}
