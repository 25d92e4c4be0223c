<?php
/**
 * The adapter's receipt store contract on GuichetRecusSql through SPIP's real sql_* drivers (the stand-in run
 * is tests/Unit/RecusStockageContratTest.php), eight processes issuing at once included.
 */

require_once dirname(__DIR__, 5) . '/backend-adapter/php/tests/Storage/ReceiptStoreContractTestCase.php';
include_spip('inc/guichet_recus_stockage');

final class RecusSpipContratTest extends \Guichet\Adapter\Tests\Storage\ReceiptStoreContractTestCase {
	protected function createReceiptStore(): \Guichet\Adapter\Ports\ReceiptStore {
		foreach (['spip_guichet_recus', 'spip_guichet_recus_compteurs'] as $table) {
			sql_delete($table);
		}
		return new GuichetRecusSql();
	}

	protected function receiptStoreInAnotherProcess(): ?string {
		return guichet_contrat_sans_deprecations_de_spip() . ' chdir(' . var_export(GUICHET_SPIP_SITE, true) . ');'
			. ' require "ecrire/inc_version.php"; include_spip("base/abstract_sql"); include_spip("inc/guichet_recus_stockage");'
			. ' $store = new GuichetRecusSql();';
	}
}
