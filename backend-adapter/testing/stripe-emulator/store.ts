/**
 * In-memory state. Each API key is its own Stripe account, because every Guichet association connects its
 * own account: an object created with one key is invisible to another (404), as it would be in production.
 */
import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import { PaymentMethodRegistry } from './payment-methods';

export interface StoredObject {
  id: string;
  created: number;
}

export class Collection<T extends StoredObject> {
  private readonly items = new Map<string, T>();

  insert(item: T): T {
    this.items.set(item.id, item);
    return item;
  }

  get(id: string): T | undefined {
    return this.items.get(id);
  }

  /** Newest first, as Stripe lists are; ties keep reverse insertion order. */
  all(): T[] {
    return [...this.items.values()].reverse();
  }

  clear(): void {
    this.items.clear();
  }
}

/** What a Checkout Session carries that the public Session object does not show. */
export interface SessionExtras {
  lineItems: Stripe.LineItem[];
  paymentIntentMetadata: Record<string, string>;
  paymentIntentDescription: string | null;
  subscriptionMetadata: Record<string, string>;
  subscriptionDescription: string | null;
  setupIntentMetadata: Record<string, string>;
  customerCreation: 'always' | 'if_required';
}

export interface AccountState {
  id: string;
  customers: Collection<Stripe.Customer>;
  products: Collection<Stripe.Product>;
  prices: Collection<Stripe.Price>;
  paymentIntents: Collection<Stripe.PaymentIntent>;
  charges: Collection<Stripe.Charge>;
  checkoutSessions: Collection<Stripe.Checkout.Session>;
  sessionExtras: Map<string, SessionExtras>;
  subscriptions: Collection<Stripe.Subscription>;
  invoices: Collection<Stripe.Invoice>;
  setupIntents: Collection<Stripe.SetupIntent>;
  refunds: Collection<Stripe.Refund>;
  events: Collection<Stripe.Event>;
  /** PaymentIntent id → the invoice it pays, so paying the intent (even via a control) pays the invoice. */
  invoiceByPaymentIntent: Map<string, string>;
  paymentMethods: PaymentMethodRegistry;
}

function newAccount(id: string): AccountState {
  return {
    id,
    customers: new Collection(),
    products: new Collection(),
    prices: new Collection(),
    paymentIntents: new Collection(),
    charges: new Collection(),
    checkoutSessions: new Collection(),
    sessionExtras: new Map(),
    subscriptions: new Collection(),
    invoices: new Collection(),
    setupIntents: new Collection(),
    refunds: new Collection(),
    events: new Collection(),
    invoiceByPaymentIntent: new Map(),
    paymentMethods: new PaymentMethodRegistry(),
  };
}

/** Stable, key-derived account id, so logs and events name the same account across restarts. */
export function accountIdFor(apiKey: string): string {
  return `acct_emu${createHash('sha256').update(apiKey).digest('hex').slice(0, 16)}`;
}

export class Store {
  private readonly accounts = new Map<string, AccountState>();
  private readonly owners = new Map<string, AccountState>();

  accountFor(apiKey: string): AccountState {
    const id = accountIdFor(apiKey);
    let account = this.accounts.get(id);
    if (account === undefined) {
      account = newAccount(id);
      this.accounts.set(id, account);
    }
    return account;
  }

  accountById(id: string): AccountState | undefined {
    return this.accounts.get(id);
  }

  allAccounts(): AccountState[] {
    return [...this.accounts.values()];
  }

  /** Records which account owns an id, so `/_emulator/*` controls can act on an id without an API key. */
  own(account: AccountState, id: string): void {
    this.owners.set(id, account);
  }

  ownerOf(id: string): AccountState | undefined {
    return this.owners.get(id);
  }

  reset(): void {
    this.accounts.clear();
    this.owners.clear();
  }
}
