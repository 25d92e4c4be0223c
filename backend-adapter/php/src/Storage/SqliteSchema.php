<?php

declare(strict_types=1);

namespace Guichet\Adapter\Storage;

/** The reference SQLite schema, versioned through PRAGMA user_version. */
final class SqliteSchema
{
    public const VERSION = 1;

    public static function migrate(\PDO $pdo): void
    {
        $version = (int) $pdo->query('PRAGMA user_version')->fetchColumn();
        if ($version >= self::VERSION) {
            return;
        }
        $pdo->exec(<<<'SQL'
CREATE TABLE IF NOT EXISTS guichet_forms (
  id TEXT PRIMARY KEY,
  config TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS guichet_orders (
  id TEXT PRIMARY KEY,
  form_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  currency TEXT NOT NULL,
  total INTEGER NOT NULL,
  refunded_amount INTEGER NOT NULL DEFAULT 0,
  provider TEXT NOT NULL,
  provider_ref TEXT,
  payment_ref TEXT,
  subscription_ref TEXT,
  promo_code TEXT,
  search TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  expires_at TEXT,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS guichet_orders_form ON guichet_orders (form_id, status);
CREATE INDEX IF NOT EXISTS guichet_orders_created ON guichet_orders (created_at);
CREATE INDEX IF NOT EXISTS guichet_orders_provider_ref ON guichet_orders (provider, provider_ref);
CREATE INDEX IF NOT EXISTS guichet_orders_payment_ref ON guichet_orders (provider, payment_ref);
CREATE INDEX IF NOT EXISTS guichet_orders_subscription_ref ON guichet_orders (provider, subscription_ref);
CREATE INDEX IF NOT EXISTS guichet_orders_pending ON guichet_orders (status, expires_at);
CREATE TABLE IF NOT EXISTS guichet_seats (
  order_id TEXT NOT NULL,
  form_id TEXT NOT NULL,
  type_id TEXT NOT NULL,
  quantity INTEGER NOT NULL,
  state TEXT NOT NULL,
  expires_at TEXT
);
CREATE INDEX IF NOT EXISTS guichet_seats_form ON guichet_seats (form_id, type_id, state);
CREATE INDEX IF NOT EXISTS guichet_seats_order ON guichet_seats (order_id);
CREATE TABLE IF NOT EXISTS guichet_events (
  provider TEXT NOT NULL,
  event_id TEXT NOT NULL,
  processed_at TEXT NOT NULL,
  PRIMARY KEY (provider, event_id)
);
CREATE TABLE IF NOT EXISTS guichet_idempotency (
  idempotency_key TEXT PRIMARY KEY,
  request_hash TEXT NOT NULL,
  response TEXT,
  created_at TEXT NOT NULL
);
SQL
        );
        $pdo->exec('PRAGMA user_version = ' . self::VERSION);
    }
}
