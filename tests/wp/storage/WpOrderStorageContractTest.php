<?php
/**
 * The adapter's storage contract (backend-adapter/php/tests/Storage/StorageContractTestCase.php) on the
 * plugin's $wpdb storage, inside a real WordPress (SQLite drop-in or MariaDB). Run by storage-contract.test.ts,
 * which boots the site and passes its folder and host in GUICHET_WP_SITE and GUICHET_WP_HOST.
 */

declare(strict_types=1);

namespace Guichet\WordPress\Tests;

use Guichet\Adapter\Ports\Storage;
use Guichet\Adapter\Tests\Storage\StorageContractTestCase;
use Guichet\WordPress\Storage\Database;
use Guichet\WordPress\Storage\OrderStorage;
use Guichet\WordPress\Storage\Schema;

$_SERVER['HTTP_HOST'] = (string) getenv('GUICHET_WP_HOST');
require_once getenv('GUICHET_WP_SITE') . '/wp-load.php';
require_once dirname(__DIR__, 3) . '/backend-adapter/php/tests/Storage/StorageContractTestCase.php';

final class WpOrderStorageContractTest extends StorageContractTestCase
{
    protected function createStorage(): Storage
    {
        global $wpdb;
        foreach (['orders', 'seats', 'events', 'idempotency', 'forms'] as $table) {
            $wpdb->query('DELETE FROM ' . Schema::table($table));
        }
        // The contract's forms, as saved forms: on MariaDB, holdSeats and the promo-code count lock their row.
        foreach (['concert', 'atelier', 'rush'] as $form) {
            $at = '2026-01-01T00:00:00.000Z';
            $wpdb->insert(Schema::table('forms'), ['id' => $form, 'kind' => 'tickets', 'config' => '{}', 'created_at' => $at, 'updated_at' => $at]);
        }
        return new OrderStorage(new Database($wpdb));
    }

    protected function storageInAnotherProcess(): ?string
    {
        return '$_SERVER["HTTP_HOST"] = ' . var_export($_SERVER['HTTP_HOST'], true) . ';'
            . ' require ' . var_export(ABSPATH . 'wp-load.php', true) . ';'
            . ' $storage = new \Guichet\WordPress\Storage\OrderStorage(new \Guichet\WordPress\Storage\Database($GLOBALS["wpdb"]));';
    }
}
