<?php
/**
 * Real SPIP: the adapter's receipt store contract on GuichetRecusSql through SPIP's own sql_* (its SQLite
 * driver here), run by PHPUnit inside the site (Contrat/), with eight processes issuing at once: no gap, no
 * duplicate, one hash chain.
 */

final class RecusStockageTest extends RealSpipTestCase {
	public function testTheReceiptStoreKeepsTheAdaptersContractOnSpipsOwnDatabaseLayer(): void {
		self::contratDansLeSite('phpunit-recus.xml', 'receipt store contract', 12, 'every case ran, the concurrent issuers included');
	}
}
