import type { FormConfig, OrderRequest } from '../../protocol';
import { domainError, type DomainError } from '../errors';

type Choice = OrderRequest['payment'];

/** The payer may only pick a provider (and an offline method) the editor switched on for this form. */
export function validatePaymentChoice(form: FormConfig, payment: Choice): DomainError[] {
  if (!form.payment.providers.includes(payment.provider)) {
    return [domainError('provider_not_available', 'payment.provider')];
  }
  if (payment.provider !== 'offline') return [];
  if (payment.offlineMethod === undefined) return [domainError('required', 'payment.offlineMethod')];
  if (!(form.payment.offlineMethods ?? []).includes(payment.offlineMethod)) {
    return [domainError('provider_not_available', 'payment.offlineMethod')];
  }
  return [];
}
