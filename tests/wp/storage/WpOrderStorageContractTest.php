<?php
/**
 * The adapter's storage contract (backend-adapter/php/tests/Storage/StorageContractTestCase.php) on the
 * plugin's $wpdb storage, inside a real WordPress on the SQLite drop-in. Run by storage-contract.test.ts, which
 * boots the site and passes its folder and host in GUICHET_WP_SITE and GUICHET_WP_HOST.
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
        return new OrderStorage(new Database($wpdb));
    }

    protected function storageInAnotherProcess(): ?string
    {
        return '$_SERVER["HTTP_HOST"] = ' . var_export($_SERVER['HTTP_HOST'], true) . ';'
            . ' require ' . var_export(ABSPATH . 'wp-load.php', true) . ';'
            . ' $storage = new \Guichet\WordPress\Storage\OrderStorage(new \Guichet\WordPress\Storage\Database($GLOBALS["wpdb"]));';
    }
}
