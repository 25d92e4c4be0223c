<?php
/**
 * Real SPIP: the adapter's storage contract on GuichetStockageSql through SPIP's own sql_* (its SQLite driver
 * here), run by PHPUnit inside the site (Contrat/), with six processes racing for the last seats, then for the
 * last uses of a promo code.
 */

final class StockageTest extends RealSpipTestCase {
	public function testTheStorageKeepsTheAdaptersContractOnSpipsOwnDatabaseLayer(): void {
		self::contratDansLeSite('phpunit.xml', 'storage contract', 22, 'every case ran, both six-process rushes included');
	}
}
