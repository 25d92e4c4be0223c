<?php
/**
 * The adapter's storage contract (backend-adapter/php/tests/Storage/StorageContractTestCase.php) run against
 * GuichetStockageSql on the stand-in's sql_* (SQLite). The real-SPIP tier runs it again on SPIP's own drivers.
 */

require_once GUICHET_REPO_DIR . '/backend-adapter/php/tests/Storage/StorageContractTestCase.php';

final class StockageContratTest extends \Guichet\Adapter\Tests\Storage\StorageContractTestCase {
	protected function createStorage(): \Guichet\Adapter\Ports\Storage {
		standin_reset(GUICHET_PLUGIN_DIR);
		standin_sql_ouvrir();
		include_spip('guichet_administrations');
		guichet_upgrade('guichet_base_version', SiteSpipTestCase::schema());
		include_spip('inc/guichet_stockage');
		return new GuichetStockageSql();
	}
}
