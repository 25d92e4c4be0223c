<?php
/** bin/build-release.sh: the zip SVP installs carries the adapter and finds it without the repository. */

use PHPUnit\Framework\TestCase;

final class ReleaseTest extends TestCase {
	public function testTheZipIsSelfContained(): void {
		if (trim((string) shell_exec('command -v zip')) === '' || trim((string) shell_exec('command -v unzip')) === '') {
			self::markTestSkipped('zip/unzip not installed');
		}
		$sortie = sys_get_temp_dir() . '/guichet-release-' . bin2hex(random_bytes(4));
		exec(escapeshellarg(GUICHET_PLUGIN_DIR . '/bin/build-release.sh') . ' ' . escapeshellarg($sortie) . ' 2>/dev/null', $lignes, $code);
		self::assertSame(0, $code);
		$zip = end($lignes);
		self::assertFileExists($zip);
		exec('unzip -q ' . escapeshellarg($zip) . ' -d ' . escapeshellarg($sortie . '/x'), $ignore, $code);
		self::assertSame(0, $code);
		$plugin = $sortie . '/x/guichet';
		self::assertFileExists($plugin . '/paquet.xml');
		self::assertFileExists($plugin . '/lib/guichet-adapter/autoload.php');
		self::assertDirectoryDoesNotExist($plugin . '/tests', 'no test code in a release');
		self::assertFileDoesNotExist($plugin . '/phpunit.xml.dist');

		// Outside the repository, the plugin finds its embedded adapter and the adapter its data files.
		$code = 'define("_ECRIRE_INC_VERSION", 1); include ' . var_export($plugin . '/guichet_options.php', true) . ';'
			. 'echo _GUICHET_ADAPTER_DIR, "\n"; require _GUICHET_ADAPTER_DIR . "/autoload.php";'
			. 'echo \Guichet\Adapter\Protocol\ErrorCatalogue::shared()->message("form_not_found", "en"), "\n";'
			. 'echo count(\Guichet\Adapter\Domain\Tax\TaxRules::shipped()) > 0 ? "rules" : "none";';
		$resultat = explode("\n", (string) shell_exec('cd ' . escapeshellarg(sys_get_temp_dir()) . ' && ' . escapeshellarg(PHP_BINARY) . ' -r ' . escapeshellarg($code) . ' 2>&1'));
		self::assertSame($plugin . '/lib/guichet-adapter', $resultat[0]);
		self::assertNotSame('', $resultat[1] ?? '');
		self::assertStringNotContainsString('Fatal', implode("\n", $resultat));
		self::assertSame('rules', $resultat[2] ?? '');
		exec('rm -rf ' . escapeshellarg($sortie));
	}
}
