import type { Migration } from './migration';

/**
 * The first schema. The same text runs on SQLite and PostgreSQL: ids are text chosen by the adapter,
 * money and dates are BIGINT (minor units, epoch milliseconds), JSON documents are TEXT.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  statements: [
    `CREATE TABLE orders (
      id TEXT PRIMARY KEY,
      site TEXT NOT NULL,
      form_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      status TEXT NOT NULL,
      currency TEXT NOT NULL,
      total BIGINT NOT NULL CHECK (total >= 0),
      tax_eligible BIGINT NOT NULL CHECK (tax_eligible >= 0),
      refunded BIGINT NOT NULL DEFAULT 0 CHECK (refunded >= 0),
      recurring TEXT,
      lines TEXT NOT NULL,
      provider TEXT NOT NULL,
      provider_ref TEXT,
      payment_ref TEXT,
      subscription_ref TEXT,
      offline_method TEXT,
      locale TEXT NOT NULL,
      email TEXT NOT NULL,
      first_name TEXT NOT NULL,
      last_name TEXT NOT NULL,
      request TEXT NOT NULL,
      reference TEXT NOT NULL,
      token_hash TEXT NOT NULL,
      next_action TEXT,
      promo_code TEXT,
      created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL,
      paid_at BIGINT,
      expires_at BIGINT,
      failure_code TEXT,
      checked_at BIGINT
    )`,
    'CREATE INDEX orders_by_site ON orders (site, created_at, id)',
    'CREATE INDEX orders_by_provider_ref ON orders (provider, provider_ref)',
    'CREATE INDEX orders_by_payment_ref ON orders (provider, payment_ref) WHERE payment_ref IS NOT NULL',
    'CREATE INDEX orders_by_subscription_ref ON orders (provider, subscription_ref) WHERE subscription_ref IS NOT NULL',
    'CREATE INDEX orders_pending ON orders (status, expires_at)',
    'CREATE INDEX orders_by_promo ON orders (site, form_id, promo_code) WHERE promo_code IS NOT NULL',
    `CREATE TABLE stock (
      site TEXT NOT NULL,
      form_id TEXT NOT NULL,
      type_id TEXT NOT NULL,
      quota INTEGER,
      sold INTEGER NOT NULL DEFAULT 0 CHECK (sold >= 0),
      PRIMARY KEY (site, form_id, type_id)
    )`,
    `CREATE TABLE holds (
      order_id TEXT NOT NULL,
      site TEXT NOT NULL,
      form_id TEXT NOT NULL,
      type_id TEXT NOT NULL,
      quantity INTEGER NOT NULL CHECK (quantity > 0),
      expires_at BIGINT NOT NULL,
      PRIMARY KEY (order_id, type_id)
    )`,
    'CREATE INDEX holds_by_type ON holds (site, form_id, type_id, expires_at)',
    `CREATE TABLE members (
      id TEXT PRIMARY KEY,
      order_id TEXT NOT NULL,
      tier_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      first_name TEXT NOT NULL,
      last_name TEXT NOT NULL,
      email TEXT,
      birth_date TEXT,
      fields TEXT NOT NULL
    )`,
    'CREATE INDEX members_by_order ON members (order_id)',
    `CREATE TABLE tickets (
      id TEXT PRIMARY KEY,
      order_id TEXT NOT NULL,
      type_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      first_name TEXT,
      last_name TEXT,
      code TEXT NOT NULL UNIQUE,
      checked_in_at BIGINT
    )`,
    'CREATE INDEX tickets_by_order ON tickets (order_id)',
    `CREATE TABLE idempotency_keys (
      site TEXT NOT NULL,
      idem_key TEXT NOT NULL,
      request_hash TEXT NOT NULL,
      order_id TEXT NOT NULL,
      response TEXT,
      created_at BIGINT NOT NULL,
      PRIMARY KEY (site, idem_key)
    )`,
    `CREATE TABLE applied_events (
      site TEXT NOT NULL,
      source TEXT NOT NULL,
      event_id TEXT NOT NULL,
      event_type TEXT NOT NULL,
      order_id TEXT,
      outcome TEXT NOT NULL,
      applied_at BIGINT NOT NULL,
      PRIMARY KEY (site, source, event_id)
    )`,
    `CREATE TABLE order_history (
      id TEXT PRIMARY KEY,
      order_id TEXT NOT NULL,
      at BIGINT NOT NULL,
      source TEXT NOT NULL,
      action TEXT NOT NULL,
      from_status TEXT,
      to_status TEXT,
      detail TEXT
    )`,
    'CREATE INDEX order_history_by_order ON order_history (order_id, at)',
  ],
};
