import type { PublicPaymentMethod } from '../../protocol';
import type { ProviderDeps, ProviderFactory } from '../factory';
import type { SimulationSettings } from '../settings';
import {
  ProviderConfigError,
  ProviderError,
  type PaymentProvider,
  type PaymentRequest,
  type ProviderCommand,
  type ProviderContext,
  type ProviderEvent,
  type Reconciler,
  type Refunder,
  type WebhookReceiver,
} from '../types';
import {
  answerChallenge,
  confirmCard,
  reconcilePayment,
  refundPayment,
  type SimulationAnswer,
} from './processor';
import { signClientSecret, signPaymentRef } from './tokens';
import { receiveSimulationEvent } from './webhook';

export type { SimulationAnswer } from './processor';
export { signSimulationEvent } from './webhook';

/** What the host's simulation routes call (see ROUTES.simulationConfirm / simulationChallenge). */
export interface CardSimulator {
  confirm(clientSecret: string, card: string, now: Date): SimulationAnswer;
  challenge(clientSecret: string, approve: boolean, now: Date): SimulationAnswer;
}

/**
 * A complete local card processor for demos and end-to-end tests: no account, no network, no storage.
 * Payments are confirmed with test cards (see cards.ts) through the host's confirm route.
 */
export class SimulationProvider
  implements PaymentProvider, CardSimulator, WebhookReceiver, Refunder, Reconciler
{
  readonly id = 'simulation' as const;
  readonly #secret: string;
  readonly #confirmUrl: (orderId: string) => string;
  readonly #now: () => Date;

  constructor(settings: SimulationSettings, deps: Pick<ProviderDeps, 'confirmUrl' | 'now'>) {
    if (settings.secret.length < 16) {
      throw new ProviderConfigError(
        'simulation.secret',
        'The simulation secret must be at least 16 characters long.',
      );
    }
    this.#secret = settings.secret;
    this.#confirmUrl = deps.confirmUrl;
    this.#now = deps.now ?? (() => new Date());
  }

  publicMethods(): PublicPaymentMethod[] {
    return [{ provider: 'simulation' }];
  }

  async startPayment(request: PaymentRequest, ctx: ProviderContext): Promise<ProviderCommand> {
    if (!Number.isSafeInteger(request.total) || request.total <= 0 || !/^[A-Z]{3}$/.test(request.currency)) {
      throw new ProviderError('bad_request', `Order ${request.orderId} has nothing to pay.`);
    }
    const payment = { orderId: request.orderId, amount: request.total, currency: request.currency };
    const at = Math.floor(ctx.now().getTime() / 1000);
    return {
      type: 'next',
      providerRef: signPaymentRef(this.#secret, { ...payment, state: 'open', at }),
      next: {
        type: 'confirm',
        provider: 'simulation',
        clientSecret: signClientSecret(this.#secret, payment),
        confirmUrl: this.#confirmUrl(request.orderId),
      },
    };
  }

  confirm(clientSecret: string, card: string, now: Date): SimulationAnswer {
    return confirmCard(this.#secret, clientSecret, card, now);
  }

  challenge(clientSecret: string, approve: boolean, now: Date): SimulationAnswer {
    return answerChallenge(this.#secret, clientSecret, approve, now);
  }

  receiveWebhook(
    rawBody: Buffer,
    headers: Record<string, string | string[] | undefined>,
    now: Date,
  ): ProviderEvent[] {
    return receiveSimulationEvent(this.#secret, rawBody, headers, now);
  }

  async refund(providerRef: string, amount: number | undefined, idempotencyKey: string) {
    return refundPayment(this.#secret, providerRef, amount, idempotencyKey, this.#now());
  }

  async reconcile(providerRef: string, now: Date): Promise<ProviderEvent[]> {
    return reconcilePayment(this.#secret, providerRef, now);
  }
}

export const isCardSimulator = (provider: PaymentProvider): provider is PaymentProvider & CardSimulator =>
  provider instanceof SimulationProvider;

export const simulationFactory: ProviderFactory = {
  id: 'simulation',
  create: (settings, deps) =>
    settings.simulation?.enabled === true ? new SimulationProvider(settings.simulation, deps) : null,
};
