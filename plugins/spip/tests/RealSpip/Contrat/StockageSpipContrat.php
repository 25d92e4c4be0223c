<?php
/**
 * The adapter's storage contract on GuichetStockageSql through SPIP's real sql_* drivers (the stand-in run is
 * tests/Unit/StockageContratTest.php), six processes included for the last seats.
 */

final class StockageSpipContratTest extends \Guichet\Adapter\Tests\Storage\StorageContractTestCase {
	protected function createStorage(): \Guichet\Adapter\Ports\Storage {
		foreach (['spip_guichet_commandes', 'spip_guichet_jauges', 'spip_guichet_places', 'spip_guichet_evenements', 'spip_guichet_idempotence'] as $table) {
			sql_delete($table);
		}
		return new GuichetStockageSql();
	}

	protected function storageInAnotherProcess(): ?string {
		return guichet_contrat_sans_deprecations_de_spip() . ' chdir(' . var_export(GUICHET_SPIP_SITE, true) . ');'
			. ' require "ecrire/inc_version.php"; include_spip("base/abstract_sql"); include_spip("inc/guichet_stockage");'
			. ' $storage = new GuichetStockageSql();';
	}
}
