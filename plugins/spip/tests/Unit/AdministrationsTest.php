<?php
/** guichet_administrations.php: install from nothing, upgrade from 1.0.0, re-run, uninstall. */

final class AdministrationsTest extends SiteSpipTestCase {
	public function testAFreshInstallCreatesEveryTableAndTheDefaults(): void {
		standin_sql_ouvrir();
		$GLOBALS['meta'] = [];
		guichet_upgrade('guichet_base_version', self::schema());
		foreach (guichet_tables() as $table) {
			self::assertNotFalse(sql_showtable($table), $table);
		}
		self::assertSame(self::schema(), lire_meta('guichet_base_version'));
		self::assertSame('oui', lire_config('guichet/simulation'));
		self::assertMatchesRegularExpression('/^[a-f0-9]{48}$/', lire_config('guichet/simulation_secret'), 'a secret long enough for the simulation provider');
		// Order ids are integers SPIP increments itself.
		self::assertSame(1, sql_insertq('spip_guichet_commandes', ['commande' => 'ord_a', 'donnees' => '{}']));
		self::assertSame(2, sql_insertq('spip_guichet_commandes', ['commande' => 'ord_b', 'donnees' => '{}']));
		self::assertFalse(sql_insertq('spip_guichet_commandes', ['commande' => 'ord_a', 'donnees' => '{}']), 'order ids are unique');
	}

	public function testUpgradingFrom100AddsTheSeatCountersAndCountsTheSeatsAlreadyTaken(): void {
		standin_sql_ouvrir();
		$GLOBALS['meta'] = [];
		// The 1.0.0 schema: everything but the counters.
		maj_tables(array_diff(guichet_tables(), ['spip_guichet_jauges']));
		ecrire_meta('guichet_base_version', '1.0.0');
		ecrire_config('guichet/simulation_secret', 'kept_secret_0123456789');
		sql_insertq('spip_guichet_places', ['commande' => 'ord_1', 'id_guichet_formulaire' => '5', 'type_billet' => 'plein', 'quantite' => 3, 'etat' => 'sold', 'expire' => '']);
		sql_insertq('spip_guichet_places', ['commande' => 'ord_2', 'id_guichet_formulaire' => '5', 'type_billet' => 'plein', 'quantite' => 2, 'etat' => 'held', 'expire' => '2999-01-01T00:00:00.000Z']);
		sql_insertq('spip_guichet_places', ['commande' => 'ord_3', 'id_guichet_formulaire' => '5', 'type_billet' => 'plein', 'quantite' => 4, 'etat' => 'held', 'expire' => '2000-01-01T00:00:00.000Z']);

		guichet_upgrade('guichet_base_version', self::schema());
		self::assertSame(self::schema(), lire_meta('guichet_base_version'));
		self::assertSame(5, (int) sql_getfetsel('pris', 'spip_guichet_jauges', "type_billet = 'plein'"), 'sold + live holds; the lapsed hold is given back');
		self::assertSame('released', sql_getfetsel('etat', 'spip_guichet_places', "commande = 'ord_3'"));
		self::assertSame('kept_secret_0123456789', lire_config('guichet/simulation_secret'), 'an upgrade keeps the configuration');

		// Running it again at the current version changes nothing.
		guichet_upgrade('guichet_base_version', self::schema());
		self::assertSame(5, (int) sql_getfetsel('pris', 'spip_guichet_jauges', "type_billet = 'plein'"));
	}

	public function testAMissingColumnIsAddedByTheUpgrade(): void {
		standin_sql_ouvrir();
		$GLOBALS['meta'] = [];
		standin_sql('CREATE TABLE spip_guichet_commandes (id_guichet_commande INTEGER PRIMARY KEY AUTOINCREMENT, commande VARCHAR(64), donnees TEXT)');
		ecrire_meta('guichet_base_version', '1.0.0');
		guichet_upgrade('guichet_base_version', self::schema());
		self::assertArrayHasKey('version', sql_showtable('spip_guichet_commandes')['field']);
		self::assertArrayHasKey('expire', sql_showtable('spip_guichet_commandes')['field']);
	}

	public function testUninstallRemovesTablesAndConfigurationButKeepsTheTaxReceipts(): void {
		guichet_vider_tables('guichet_base_version');
		foreach (guichet_tables() as $table) {
			if (in_array($table, guichet_tables_recus(), true)) {
				self::assertNotFalse(sql_showtable($table), $table . ' is kept: receipts must be kept and numbered on');
			} else {
				self::assertFalse(sql_showtable($table), $table);
			}
		}
		self::assertNull(lire_config('guichet'));
		self::assertNull(lire_meta('guichet_base_version'));
	}
}
