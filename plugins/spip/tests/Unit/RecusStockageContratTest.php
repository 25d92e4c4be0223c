<?php
/**
 * The adapter's receipt store contract (backend-adapter/php/tests/Storage/ReceiptStoreContractTestCase.php)
 * run against GuichetRecusSql on the stand-in's sql_* (SQLite in memory, so one process: the concurrent
 * issuers run in the real-SPIP tier, tests/RealSpip/Contrat/RecusSpipContrat.php).
 */

require_once GUICHET_REPO_DIR . '/backend-adapter/php/tests/Storage/ReceiptStoreContractTestCase.php';

final class RecusStockageContratTest extends \Guichet\Adapter\Tests\Storage\ReceiptStoreContractTestCase {
	protected function createReceiptStore(): \Guichet\Adapter\Ports\ReceiptStore {
		standin_reset(GUICHET_PLUGIN_DIR);
		standin_sql_ouvrir();
		include_spip('guichet_administrations');
		guichet_upgrade('guichet_base_version', SiteSpipTestCase::schema());
		include_spip('inc/guichet_recus_stockage');
		return new GuichetRecusSql();
	}
}
