<?php
/**
 * Real SPIP: the adapter's receipt store contract on GuichetRecusSql through SPIP's own sql_* (its SQLite
 * driver here), run by PHPUnit inside the site (Contrat/), with eight processes issuing at once: no gap, no
 * duplicate, one hash chain.
 */

final class RecusStockageTest extends RealSpipTestCase {
	public function testTheReceiptStoreKeepsTheAdaptersContractOnSpipsOwnDatabaseLayer(): void {
		$site = self::site();
		$processus = proc_open(
			[PHP_BINARY, (string) (getenv('PHPUNIT') ?: '/usr/bin/phpunit'), '-c', __DIR__ . '/Contrat/phpunit-recus.xml'],
			[0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']],
			$tubes,
			null,
			['GUICHET_SPIP_SITE' => $site->racine] + getenv()
		);
		$sortie = (string) stream_get_contents($tubes[1]) . (string) stream_get_contents($tubes[2]);
		$code = proc_close($processus);
		preg_match('/^(OK \(.*\)|Tests: .*)$/m', $sortie, $bilan);
		fwrite(STDERR, "\nreal-SPIP receipt store contract: " . ($bilan[1] ?? 'no summary') . "\n");
		self::assertSame(0, $code, $sortie);
		self::assertMatchesRegularExpression('/^OK \(12 tests, \d+ assertions\)$/m', $sortie, 'every case ran, the concurrent issuers included');
	}
}
