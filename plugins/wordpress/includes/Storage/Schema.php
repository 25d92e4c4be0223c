<?php
/**
 * The plugin's custom tables, created and upgraded with dbDelta and a schema version option.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Storage;

defined('ABSPATH') || exit;

final class Schema
{
    /** 2: tax receipts (receipts, receipt_counters). */
    public const VERSION = 2;
    public const OPTION = 'guichet_schema_version';

    /** Table names with the site's prefix, by role. */
    public static function table(string $name): string
    {
        global $wpdb;
        return $wpdb->prefix . 'guichet_' . $name;
    }

    /** Creates or upgrades the tables when the stored schema version is older than this code's. */
    public static function upgrade(): void
    {
        if ((int) get_option(self::OPTION, 0) >= self::VERSION) {
            return;
        }
        self::install();
    }

    public static function install(): void
    {
        global $wpdb;
        require_once ABSPATH . 'wp-admin/includes/upgrade.php';
        $charset = $wpdb->get_charset_collate();
        $forms = self::table('forms');
        $orders = self::table('orders');
        $seats = self::table('seats');
        $events = self::table('events');
        $keys = self::table('idempotency');
        $receipts = self::table('receipts');
        $counters = self::table('receipt_counters');
        // dbDelta's format: one column per line, two spaces after PRIMARY KEY, KEY rather than INDEX.
        // Receipts: append-only ledger, numbers from receipt_counters (never AUTO_INCREMENT: a rollback leaves no
        // hole); issue keys reach 255 bytes, past utf8mb4's 191-character index, so their SHA-256 is the unique key.
        dbDelta("CREATE TABLE $forms (
  id varchar(64) NOT NULL,
  kind varchar(16) NOT NULL,
  config longtext NOT NULL,
  lock_version bigint(20) unsigned NOT NULL DEFAULT 0,
  created_at varchar(32) NOT NULL,
  updated_at varchar(32) NOT NULL,
  PRIMARY KEY  (id)
) $charset;
CREATE TABLE $orders (
  id varchar(64) NOT NULL,
  form_id varchar(64) NOT NULL,
  kind varchar(16) NOT NULL,
  status varchar(16) NOT NULL,
  currency char(3) NOT NULL,
  total bigint(20) NOT NULL,
  refunded_amount bigint(20) NOT NULL DEFAULT 0,
  provider varchar(32) NOT NULL,
  provider_ref varchar(255) DEFAULT NULL,
  payment_ref varchar(255) DEFAULT NULL,
  subscription_ref varchar(255) DEFAULT NULL,
  promo_code varchar(64) DEFAULT NULL,
  search text NOT NULL,
  created_at varchar(32) NOT NULL,
  expires_at varchar(32) DEFAULT NULL,
  data longtext NOT NULL,
  PRIMARY KEY  (id),
  KEY form_status (form_id,status),
  KEY created (created_at),
  KEY provider_ref (provider,provider_ref(191)),
  KEY payment_ref (provider,payment_ref(191)),
  KEY subscription_ref (provider,subscription_ref(191)),
  KEY pending (status,expires_at)
) $charset;
CREATE TABLE $seats (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  order_id varchar(64) NOT NULL,
  form_id varchar(64) NOT NULL,
  type_id varchar(64) NOT NULL,
  quantity int(11) NOT NULL,
  state varchar(16) NOT NULL,
  expires_at varchar(32) DEFAULT NULL,
  PRIMARY KEY  (id),
  KEY form_type_state (form_id,type_id,state),
  KEY order_id (order_id)
) $charset;
CREATE TABLE $events (
  provider varchar(32) NOT NULL,
  event_id varchar(191) NOT NULL,
  processed_at varchar(32) NOT NULL,
  PRIMARY KEY  (provider,event_id)
) $charset;
CREATE TABLE $keys (
  idempotency_key varchar(255) NOT NULL,
  request_hash varchar(128) NOT NULL,
  response longtext,
  created_at varchar(32) NOT NULL,
  PRIMARY KEY  (idempotency_key(191))
) $charset;
CREATE TABLE $receipts (
  id varchar(32) NOT NULL,
  ledger_position bigint(20) unsigned NOT NULL,
  issue_hash char(64) NOT NULL,
  number varchar(64) NOT NULL,
  series_year int(11) NOT NULL,
  series_seq bigint(20) unsigned NOT NULL,
  kind varchar(16) NOT NULL,
  replaces varchar(64) DEFAULT NULL,
  order_ids text NOT NULL,
  email varchar(255) NOT NULL,
  amount bigint(20) NOT NULL,
  currency char(3) NOT NULL,
  issued_at varchar(32) NOT NULL,
  hash char(64) NOT NULL,
  data longtext NOT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY ledger_position (ledger_position),
  UNIQUE KEY issue_hash (issue_hash),
  UNIQUE KEY number (number),
  UNIQUE KEY series (series_year,series_seq),
  KEY replaces (replaces),
  KEY email (email(191))
) $charset;
CREATE TABLE $counters (
  counter_name varchar(32) NOT NULL,
  counter_value bigint(20) unsigned NOT NULL DEFAULT 0,
  head_hash char(64) NOT NULL DEFAULT '',
  PRIMARY KEY  (counter_name)
) $charset;");
        update_option(self::OPTION, self::VERSION);
    }

    /**
     * Removes the plugin's tables and schema version (uninstall.php only: the orders are the association's records).
     * The tax receipts and their counters stay: the law asks the association to keep them, and a reinstall must
     * go on numbering where the series stopped instead of issuing 2026-00001 a second time.
     */
    public static function drop(): void
    {
        global $wpdb;
        foreach (['forms', 'orders', 'seats', 'events', 'idempotency'] as $name) {
            $wpdb->query('DROP TABLE IF EXISTS ' . self::table($name)); // phpcs:ignore WordPress.DB.PreparedSQL
        }
        delete_option(self::OPTION);
    }
}
