<?php
/** The plugin's files as SPIP will read them: syntax, guards, paquet.xml, language files. */

final class PluginFilesTest extends SiteSpipTestCase {
	/** @return string[] plugin PHP files (tests excluded) */
	private static function fichiersPhp(): array {
		$fichiers = [];
		$it = new RecursiveIteratorIterator(new RecursiveDirectoryIterator(GUICHET_PLUGIN_DIR, FilesystemIterator::SKIP_DOTS));
		foreach ($it as $f) {
			$relatif = substr($f->getPathname(), strlen(GUICHET_PLUGIN_DIR) + 1);
			if ($f->getExtension() === 'php' && !preg_match('#^(tests|lib|node_modules)/#', $relatif)) {
				$fichiers[] = $relatif;
			}
		}
		sort($fichiers);
		return $fichiers;
	}

	public function testEveryPhpFilePassesPhpLint(): void {
		$fichiers = self::fichiersPhp();
		$it = new RecursiveIteratorIterator(new RecursiveDirectoryIterator(GUICHET_PLUGIN_DIR . '/tests', FilesystemIterator::SKIP_DOTS));
		foreach ($it as $f) {
			if ($f->getExtension() === 'php') {
				$fichiers[] = substr($f->getPathname(), strlen(GUICHET_PLUGIN_DIR) + 1);
			}
		}
		self::assertGreaterThan(30, count($fichiers));
		foreach ($fichiers as $fichier) {
			exec(escapeshellarg(PHP_BINARY) . ' -l ' . escapeshellarg(GUICHET_PLUGIN_DIR . '/' . $fichier) . ' 2>&1', $sortie, $code);
			self::assertSame(0, $code, $fichier . ': ' . implode("\n", $sortie));
		}
	}

	public function testEveryPluginPhpFileStopsWhenCalledOutsideSpip(): void {
		foreach (self::fichiersPhp() as $fichier) {
			if (strpos($fichier, 'bin/') === 0) {
				continue;
			}
			$source = (string) file_get_contents(GUICHET_PLUGIN_DIR . '/' . $fichier);
			self::assertMatchesRegularExpression("/^<\\?php\\s(?:\\s*(?:\\/\\/[^\\n]*|\\/\\*.*?\\*\\/)\\s*)*if \\(!defined\\('_ECRIRE_INC_VERSION'\\)\\) \\{\\s*return;/s", $source, $fichier);
			// And run for real outside SPIP: it must stop at once, printing nothing and running nothing.
			$code = 'include ' . var_export(GUICHET_PLUGIN_DIR . '/' . $fichier, true) . '; echo "ok";';
			self::assertSame('ok', shell_exec(escapeshellarg(PHP_BINARY) . ' -r ' . escapeshellarg($code) . ' 2>&1'), $fichier);
		}
	}

	public function testPaquetXmlDeclaresCompatibilityASchemaAndPipelinesThatExist(): void {
		$xml = simplexml_load_file(GUICHET_PLUGIN_DIR . '/paquet.xml');
		self::assertNotFalse($xml);
		self::assertSame('guichet', (string) $xml['prefix']);
		self::assertSame('[4.1.0;4.4.*]', (string) $xml['compatibilite']);
		self::assertMatchesRegularExpression('/^\d+\.\d+\.\d+$/', (string) $xml['schema']);
		self::assertFileExists(GUICHET_PLUGIN_DIR . '/' . $xml['logo']);
		$noms = [];
		foreach ($xml->pipeline as $p) {
			$noms[] = (string) $p['nom'];
			if (isset($p['action']) && (string) $p['action'] === '') {
				continue; // our own pipelines, for other plugins
			}
			$inclure = (string) $p['inclure'];
			self::assertFileExists(GUICHET_PLUGIN_DIR . '/' . $inclure);
			include_once GUICHET_PLUGIN_DIR . '/' . $inclure;
			self::assertTrue(function_exists('guichet_' . $p['nom']), 'guichet_' . $p['nom'] . ' in ' . $inclure);
		}
		foreach (['declarer_tables_objets_sql', 'declarer_tables_principales', 'autoriser', 'insert_head', 'taches_generales_cron', 'guichet_commande_payee'] as $attendu) {
			self::assertContains($attendu, $noms);
		}
		foreach ($xml->menu as $menu) {
			$action = (string) ($menu['action'] ?: $menu['nom']);
			self::assertFileExists(GUICHET_PLUGIN_DIR . '/prive/squelettes/contenu/' . $action . '.html');
			self::assertTrue(autoriser('menu', str_replace('_', '', (string) $menu['nom']), 0, ['statut' => '0minirezo']), (string) $menu['nom']);
			self::assertFalse(autoriser('menu', str_replace('_', '', (string) $menu['nom']), 0, ['statut' => '6forum']), (string) $menu['nom']);
		}
		include_spip('guichet_pipelines');
		self::assertArrayHasKey('guichet_reconciliation', guichet_taches_generales_cron([]));
		self::assertFileExists(GUICHET_PLUGIN_DIR . '/genie/guichet_reconciliation.php');
	}

	public function testEveryStringUsedExistsInFrenchAndEnglish(): void {
		$utilisees = [];
		$it = new RecursiveIteratorIterator(new RecursiveDirectoryIterator(GUICHET_PLUGIN_DIR, FilesystemIterator::SKIP_DOTS));
		foreach ($it as $f) {
			$relatif = substr($f->getPathname(), strlen(GUICHET_PLUGIN_DIR) + 1);
			if (in_array($f->getExtension(), ['php', 'html', 'xml'], true) && !preg_match('#^(tests|lang)/#', $relatif)) {
				preg_match_all('/guichet:([a-z0-9_]+[a-z0-9])\b/', (string) file_get_contents($f->getPathname()), $m);
				$utilisees = array_merge($utilisees, $m[1]);
			}
		}
		// Keys built from a value (statut_commande_paid…): each value spelled out here.
		foreach (['pending', 'paid', 'failed', 'expired', 'refunded', 'disputed'] as $s) {
			$utilisees[] = 'statut_commande_' . $s;
		}
		foreach (['donation', 'membership', 'tickets'] as $g) {
			$utilisees[] = 'genre_' . $g;
		}
		foreach (['once', 'monthly', 'yearly'] as $f) {
			$utilisees[] = 'frequence_' . $f;
		}
		include_spip('formulaires/configurer_guichet');
		foreach (array_keys(guichet_configuration_champs()) as $champ) {
			$utilisees[] = 'config_' . $champ;
		}
		foreach (['col_reference', 'col_date', 'col_payeur', 'col_montant', 'col_rembourse', 'col_statut', 'col_moyen'] as $col) {
			$utilisees[] = $col;
		}
		foreach (['cheque', 'transfer', 'cash', 'simulation', 'stripe'] as $m) {
			$utilisees[] = 'moyen_' . $m;
		}
		$utilisees = array_unique(array_filter($utilisees, static function ($k) {
			return !in_array($k, ['genre', 'statut', 'frequence', 'moyen', 'statut_commande'], true);
		}));
		foreach (['fr', 'en'] as $langue) {
			$chaines = standin_chaines('guichet', $langue);
			$manquantes = array_values(array_diff($utilisees, array_keys($chaines)));
			self::assertSame([], $manquantes, "missing in lang/guichet_$langue.php");
		}
		self::assertSame(array_keys(standin_chaines('guichet', 'fr')), array_keys(standin_chaines('guichet', 'en')), 'FR and EN have the same keys');
		self::assertSame(array_keys(standin_chaines('paquet-guichet', 'fr')), array_keys(standin_chaines('paquet-guichet', 'en')));
	}

	/**
	 * SPIP runs the PHP of a static inclusion (#INCLURE, #MODELE, #FORMULAIRE_… in a modèle) when it computes the
	 * article, which is then cached: a form reached that way has its charger run once, its one-time token and
	 * messages frozen for every visitor (seen in SPIP 4.1). Modèles reach the form only through dynamic
	 * <INCLURE>s ending at SPIP's modeles/formulaire, whose PHP runs at each hit.
	 */
	public function testModelesReachTheFormOnlyThroughDynamicInclusions(): void {
		foreach (glob(GUICHET_PLUGIN_DIR . '/modeles/*.html') as $fichier) {
			$source = (string) preg_replace('/\[\(#REM\).*?\]/s', '', (string) file_get_contents($fichier));
			self::assertDoesNotMatchRegularExpression('/#(INCLURE|MODELE|FORMULAIRE_)/', $source, basename($fichier) . ': static inclusion in a modèle');
			self::assertMatchesRegularExpression('/<INCLURE\{fond=modeles\/(guichet|formulaire),/', $source, basename($fichier));
		}
	}
}
