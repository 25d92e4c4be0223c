<?php
/**
 * The adapter's receipt store contract (backend-adapter/php/tests/Storage/ReceiptStoreContractTestCase.php) on
 * the plugin's $wpdb ReceiptStorage, inside a real WordPress: on the SQLite drop-in or on MariaDB, whichever the
 * site runs on. Run by receipts-store.test.ts, which boots the site and passes its folder and host in
 * GUICHET_WP_SITE and GUICHET_WP_HOST; the concurrency case starts 8 PHP processes that each boot WordPress.
 */

declare(strict_types=1);

namespace Guichet\WordPress\Tests;

use Guichet\Adapter\Ports\ReceiptStore;
use Guichet\Adapter\Tests\Storage\ReceiptStoreContractTestCase;
use Guichet\WordPress\Storage\Database;
use Guichet\WordPress\Storage\ReceiptStorage;
use Guichet\WordPress\Storage\Schema;

$_SERVER['HTTP_HOST'] = (string) getenv('GUICHET_WP_HOST');
require_once getenv('GUICHET_WP_SITE') . '/wp-load.php';
require_once dirname(__DIR__, 3) . '/backend-adapter/php/tests/Storage/ReceiptStoreContractTestCase.php';

final class WpReceiptStoreContractTest extends ReceiptStoreContractTestCase
{
    protected function createReceiptStore(): ReceiptStore
    {
        global $wpdb;
        // The plugin never deletes a receipt; only this test empties the ledger between cases.
        foreach (['receipts', 'receipt_counters'] as $table) {
            $wpdb->query('DELETE FROM ' . Schema::table($table));
        }
        return new ReceiptStorage(new Database($wpdb));
    }

    protected function receiptStoreInAnotherProcess(): ?string
    {
        return '$_SERVER["HTTP_HOST"] = ' . var_export($_SERVER['HTTP_HOST'], true) . ';'
            . ' require ' . var_export(ABSPATH . 'wp-load.php', true) . ';'
            . ' $store = new \Guichet\WordPress\Storage\ReceiptStorage(new \Guichet\WordPress\Storage\Database($GLOBALS["wpdb"]));';
    }

    public function testIssueKeysAndEmailsPastTheIndexLimitStayDistinct(): void
    {
        // utf8mb4 indexes stop at 191 characters: keys that differ only after that must not collide.
        $store = $this->createReceiptStore();
        $email = str_repeat('a', 200) . '@example.fr';
        $long = 'annual:2026:' . $email;
        $first = $store->issueReceipt(self::draft($long . 'x', ['email' => $email]))['receipt'];
        $second = $store->issueReceipt(self::draft($long . 'y', ['email' => strtoupper($email)]));
        self::assertTrue($second['created']);
        self::assertSame(['2026-00001', '2026-00002'], [$first['number'], $second['receipt']['number']]);
        self::assertFalse($store->issueReceipt(self::draft($long . 'x'))['created']);
        self::assertSame(2, $store->countReceipts(['email' => $email]));
    }

    public function testTheSiteRunsOnTheDatabaseTheHarnessAsked(): void
    {
        $engine = (new Database($GLOBALS['wpdb']))->isSqlite() ? 'sqlite' : 'mysql';
        self::assertSame((string) getenv('GUICHET_WP_ENGINE'), $engine);
    }
}
