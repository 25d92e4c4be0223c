<?php
/**
 * Real SPIP: the adapter's storage contract on GuichetStockageSql through SPIP's own sql_* (its SQLite driver
 * here), run by PHPUnit inside the site (Contrat/), with six processes racing for the last seats, then for the
 * last uses of a promo code.
 */

final class StockageTest extends RealSpipTestCase {
	public function testTheStorageKeepsTheAdaptersContractOnSpipsOwnDatabaseLayer(): void {
		$site = self::site();
		$processus = proc_open(
			[PHP_BINARY, (string) (getenv('PHPUNIT') ?: '/usr/bin/phpunit'), '-c', __DIR__ . '/Contrat/phpunit.xml'],
			[0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']],
			$tubes,
			null,
			['GUICHET_SPIP_SITE' => $site->racine] + getenv()
		);
		$sortie = (string) stream_get_contents($tubes[1]) . (string) stream_get_contents($tubes[2]);
		$code = proc_close($processus);
		preg_match('/^(OK \(.*\)|Tests: .*)$/m', $sortie, $bilan);
		fwrite(STDERR, "\nreal-SPIP storage contract: " . ($bilan[1] ?? 'no summary') . "\n");
		self::assertSame(0, $code, $sortie);
		self::assertMatchesRegularExpression('/^OK \(22 tests, \d+ assertions\)$/m', $sortie, 'every case ran, both six-process rushes included');
	}
}
