import { OfflineProvider, ProviderError } from '../../../src/providers';
import type { OfflineSettings } from '../../../src/providers';
import { at, paymentRequest } from '../fixtures';

const settings: OfflineSettings = {
  cheque: { payee: 'Les Amis du Lavoir', address: '3 rue du Lavoir, 35000 Rennes' },
  transfer: { iban: 'FR7630006000011234567890189', bic: 'AGRIFRPPXXX', holder: 'Les Amis du Lavoir' },
  cash: {
    text: { fr: 'À la permanence, le samedi de 10 h à 12 h.', en: 'At the desk, Saturdays 10am–12pm.' },
  },
};
const provider = new OfflineProvider(settings);
const ctx = { now: () => at('2026-11-23T10:00:00Z') };

async function instructionsFor(method: 'cheque' | 'transfer' | 'cash', locale: 'fr' | 'en') {
  const command = await provider.startPayment(paymentRequest({ offlineMethod: method, locale }), ctx);
  if (command.type !== 'pending' || command.instructions === undefined)
    throw new Error('expected instructions');
  return command;
}

describe('offline provider', () => {
  it('offers each configured method to the widget', () => {
    expect(provider.publicMethods()).toEqual([
      { provider: 'offline', method: 'cheque' },
      { provider: 'offline', method: 'transfer' },
      { provider: 'offline', method: 'cash' },
    ]);
    expect(new OfflineProvider({ transfer: settings.transfer }).publicMethods()).toEqual([
      { provider: 'offline', method: 'transfer' },
    ]);
  });

  it('leaves the order pending with cheque instructions in French', async () => {
    const command = await instructionsFor('cheque', 'fr');
    expect(command.instructions).toEqual({
      payee: 'Les Amis du Lavoir',
      address: '3 rue du Lavoir, 35000 Rennes',
      reference: 'G-2026-0042',
      text:
        "Envoyez un chèque de 25,00\u00a0€ à l'ordre de « Les Amis du Lavoir » à l'adresse suivante : " +
        '3 rue du Lavoir, 35000 Rennes. Inscrivez la référence G-2026-0042 au dos du chèque. ' +
        'Votre commande sera validée à sa réception.',
    });
    expect(command.next).toEqual({ type: 'offline', method: 'cheque', instructions: command.instructions });
  });

  it('gives transfer instructions in English with the IBAN grouped by four', async () => {
    const { instructions } = await instructionsFor('transfer', 'en');
    expect(instructions).toMatchObject({
      payee: 'Les Amis du Lavoir',
      iban: 'FR76 3000 6000 0112 3456 7890 189',
      bic: 'AGRIFRPPXXX',
      reference: 'G-2026-0042',
    });
    expect(instructions?.text).toBe(
      'Make a bank transfer of €25.00 to “Les Amis du Lavoir” (IBAN FR76 3000 6000 0112 3456 7890 189, ' +
        'BIC AGRIFRPPXXX) with the reference G-2026-0042 as its description. ' +
        'Your order is confirmed when the money arrives.',
    );
  });

  it('gives cash instructions with the editor’s text in the payer’s language', async () => {
    expect((await instructionsFor('cash', 'fr')).instructions?.text).toBe(
      'Réglez 25,00\u00a0€ en espèces en donnant la référence G-2026-0042. À la permanence, le samedi de 10 h à 12 h.',
    );
    expect((await instructionsFor('cash', 'en')).instructions?.text).toBe(
      'Pay €25.00 in cash, giving the reference G-2026-0042. At the desk, Saturdays 10am–12pm.',
    );
  });

  it('refuses a method the association did not set up, and recurring orders', async () => {
    const chequeOnly = new OfflineProvider({ cheque: settings.cheque });
    await expect(
      chequeOnly.startPayment(paymentRequest({ offlineMethod: 'transfer' })),
    ).rejects.toMatchObject({
      code: 'provider_not_available',
    });
    await expect(
      provider.startPayment(paymentRequest({ offlineMethod: 'cheque', recurring: { interval: 'month' } })),
    ).rejects.toBeInstanceOf(ProviderError);
  });
});
