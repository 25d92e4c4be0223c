<?php
/** Tax receipts in guichet_administrations.php (upgrade 1.0.2, uninstall) and the génie guichet_recus. */

final class RecusInstallationTest extends SiteSpipTestCase {
	public function testUpgradingFrom101AddsTheReceiptTablesAndALinkSecretKeptAfterwards(): void {
		standin_sql_ouvrir();
		$GLOBALS['meta'] = [];
		maj_tables(array_diff(guichet_tables(), ['spip_guichet_recus', 'spip_guichet_recus_compteurs']));
		ecrire_meta('guichet_base_version', '1.0.1');
		ecrire_config('guichet/simulation_secret', 'kept_secret_0123456789');
		guichet_upgrade('guichet_base_version', self::schema());
		self::assertNotFalse(sql_showtable('spip_guichet_recus'));
		self::assertNotFalse(sql_showtable('spip_guichet_recus_compteurs'));
		$secret = (string) lire_config('guichet_secret_recus');
		self::assertMatchesRegularExpression('/^[0-9a-f]{64}$/', $secret);
		self::assertSame('kept_secret_0123456789', lire_config('guichet/simulation_secret'));
		self::assertArrayNotHasKey('secret_recus', (array) lire_config('guichet'), 'not in the configuration the form saves back');

		// Again (a re-run, or a reinstall over kept metas): links already e-mailed stay valid.
		ecrire_meta('guichet_base_version', '1.0.1');
		guichet_upgrade('guichet_base_version', self::schema());
		self::assertSame($secret, lire_config('guichet_secret_recus'));
	}

	public function testUninstallRemovesTheReceiptsSettingsButKeepsTheLinksSecret(): void {
		ecrire_config('guichet_recus', ['ville' => 'Montreuil']);
		ecrire_meta('guichet_recus_annuels', '2025');
		ecrire_meta('guichet_secret_recus', str_repeat('ab', 32));
		guichet_vider_tables('guichet_base_version');
		self::assertSame(str_repeat('ab', 32), lire_config('guichet_secret_recus'), 'links already e-mailed keep working after a reinstall');
		self::assertNull(lire_config('guichet_recus'));
		self::assertNull(lire_config('guichet_recus_annuels'));
	}

	public function testTheGenieWaitsForTheSettingsThenRunsThePreviousYearOnce(): void {
		include_spip('guichet_pipelines');
		self::assertSame(86400, guichet_taches_generales_cron([])['guichet_recus']);
		$genie = charger_fonction('guichet_recus', 'genie');
		$this->horloge->set('2027-01-03T08:00:00Z');

		self::assertSame(1, $genie(0));
		self::assertNull(lire_config('guichet_recus_annuels'), 'nothing can be issued yet: it will try again');

		ecrire_config('guichet_recus', [
			'adresse_ligne1' => '3 place Jean-Jaurès', 'code_postal' => '93100', 'ville' => 'Montreuil', 'pays' => 'FR',
			'objet' => 'Faire vivre un jardin partagé', 'statut' => 'general_interest',
			'signataire_nom' => 'Claude Petit', 'signataire_qualite' => 'Trésorière',
		]);
		guichet_recus(true);
		self::assertSame(1, $genie(0));
		self::assertSame('2026', (string) lire_config('guichet_recus_annuels'));
	}
}
