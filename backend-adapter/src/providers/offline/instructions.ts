import type { Static } from '@sinclair/typebox';
import type { Locale, OfflineInstructions as OfflineInstructionsSchema, OfflineMethod } from '../../protocol';
import { formatMoney } from '../../domain/money';
import { resolveText } from '../../domain/text';
import type { OfflineSettings } from '../settings';

/**
 * What the payer reads after choosing a cheque, a transfer or cash: who to pay, how much, and the reference
 * that lets the treasurer match the money to the order. French and English, like every payer-facing string.
 */

type OfflineInstructions = Static<typeof OfflineInstructionsSchema>;

interface Facts {
  amount: string;
  reference: string;
}

/** IBANs are printed in groups of four, as on a bank statement, so they are easy to copy by hand. */
export const formatIban = (iban: string) =>
  iban
    .replace(/\s+/g, '')
    .replace(/(.{4})/g, '$1 ')
    .trim();

const CHEQUE: Record<Locale, (f: Facts & { payee: string; address: string }) => string> = {
  fr: (f) =>
    `Envoyez un chèque de ${f.amount} à l'ordre de « ${f.payee} » à l'adresse suivante : ${f.address}. ` +
    `Inscrivez la référence ${f.reference} au dos du chèque. Votre commande sera validée à sa réception.`,
  en: (f) =>
    `Send a cheque for ${f.amount} payable to “${f.payee}” to this address: ${f.address}. ` +
    `Write the reference ${f.reference} on the back of the cheque. Your order is confirmed when it arrives.`,
};

const TRANSFER: Record<Locale, (f: Facts & { holder: string; iban: string; bic: string }) => string> = {
  fr: (f) =>
    `Faites un virement de ${f.amount} à « ${f.holder} » (IBAN ${f.iban}, BIC ${f.bic}) ` +
    `avec la référence ${f.reference} dans le libellé. Votre commande sera validée à réception du virement.`,
  en: (f) =>
    `Make a bank transfer of ${f.amount} to “${f.holder}” (IBAN ${f.iban}, BIC ${f.bic}) ` +
    `with the reference ${f.reference} as its description. Your order is confirmed when the money arrives.`,
};

const CASH: Record<Locale, (f: Facts & { where: string }) => string> = {
  fr: (f) =>
    `Réglez ${f.amount} en espèces en donnant la référence ${f.reference}.${f.where ? ` ${f.where}` : ''}`,
  en: (f) => `Pay ${f.amount} in cash, giving the reference ${f.reference}.${f.where ? ` ${f.where}` : ''}`,
};

export function offlineInstructions(
  method: OfflineMethod,
  settings: OfflineSettings,
  order: { total: number; currency: string; reference: string; locale: Locale },
): OfflineInstructions | null {
  const facts: Facts = {
    amount: formatMoney(order.total, order.currency, order.locale),
    reference: order.reference,
  };
  switch (method) {
    case 'cheque': {
      const cheque = settings.cheque;
      if (cheque === undefined) return null;
      return {
        payee: cheque.payee,
        address: cheque.address,
        reference: order.reference,
        text: CHEQUE[order.locale]({ ...facts, ...cheque }),
      };
    }
    case 'transfer': {
      const transfer = settings.transfer;
      if (transfer === undefined) return null;
      const iban = formatIban(transfer.iban);
      return {
        payee: transfer.holder,
        iban,
        bic: transfer.bic,
        reference: order.reference,
        text: TRANSFER[order.locale]({ ...facts, holder: transfer.holder, iban, bic: transfer.bic }),
      };
    }
    case 'cash': {
      const cash = settings.cash;
      if (cash === undefined) return null;
      return {
        reference: order.reference,
        text: CASH[order.locale]({ ...facts, where: resolveText(cash.text, order.locale) }),
      };
    }
  }
}
