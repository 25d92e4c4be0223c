import type { OfflineMethod, PublicPaymentMethod } from '../../protocol';
import type { ProviderFactory } from '../factory';
import type { OfflineSettings } from '../settings';
import {
  ProviderError,
  type PaymentProvider,
  type PaymentRequest,
  type ProviderCommand,
  type ProviderContext,
} from '../types';
import { offlineInstructions } from './instructions';

const METHODS: readonly OfflineMethod[] = ['cheque', 'transfer', 'cash'];

/**
 * Cheque, bank transfer, cash at the desk. Nothing happens at a provider: the order stays pending with
 * instructions, and a treasurer marks it paid in the back-office (an authorised action the host applies).
 * So no webhook, no refund through here, no reconciliation.
 */
export class OfflineProvider implements PaymentProvider {
  readonly id = 'offline' as const;
  readonly #settings: OfflineSettings;

  constructor(settings: OfflineSettings) {
    this.#settings = settings;
  }

  methods(): OfflineMethod[] {
    return METHODS.filter((method) => this.#settings[method] !== undefined);
  }

  publicMethods(): PublicPaymentMethod[] {
    return this.methods().map((method) => ({ provider: 'offline', method }));
  }

  async startPayment(request: PaymentRequest, _ctx?: ProviderContext): Promise<ProviderCommand> {
    const method = request.offlineMethod;
    if (method === undefined || !this.methods().includes(method)) {
      throw new ProviderError(
        'provider_not_available',
        `Offline method ${method ?? '(none)'} is not offered here.`,
      );
    }
    // A cheque cannot renew itself: recurring orders need a provider that can charge again.
    if (request.recurring !== undefined) {
      throw new ProviderError('provider_not_available', 'Recurring orders cannot be paid offline.');
    }
    const instructions = offlineInstructions(method, this.#settings, request);
    if (instructions === null)
      throw new ProviderError('provider_not_available', `Offline method ${method} is not set up.`);
    return {
      type: 'pending',
      providerRef: `offline_${method}_${request.orderId}`,
      instructions,
      next: { type: 'offline', method, instructions },
    };
  }
}

export const offlineFactory: ProviderFactory = {
  id: 'offline',
  create: (settings) => {
    const offline = settings.offline;
    if (offline === undefined) return null;
    const provider = new OfflineProvider(offline);
    return provider.methods().length > 0 ? provider : null;
  },
};
