<?php
/**
 * Real SPIP: uninstalling from SPIP's plugin installer drops every table and setting but the tax receipts', and
 * installing again starts clean. On a site of its own (the shared one keeps its data for the other tests).
 */

final class DesinstallationTest extends RealSpipTestCase {
	public function testUninstallingRemovesTablesAndSettingsAndReinstallingStartsAgain(): void {
		self::site();
		$site = SiteSpipReel::demarrer((string) getenv('GUICHET_SPIP_ROOT'), (string) getenv('GUICHET_SPIP_URL'));
		try {
			$tables = 'include_spip("base/objets"); $t = []; foreach (["formulaires", "commandes", "jauges", "places", "evenements", "idempotence"] as $n) { if (sql_showtable("spip_guichet_$n", true)) { $t[] = $n; } } echo json_encode($t);';
			self::assertCount(6, $site->json($tables));
			$site->php('sql_insertq("spip_guichet_formulaires", ["titre" => "Vieux", "genre" => "donation", "statut" => "publie", "config" => "{}"]);');

			$site->php('include_spip("inc/plugin"); $installer = charger_fonction("installer", "plugins");
				$installer("guichet", "uninstall"); ecrire_plugin_actifs(["guichet"], false, "enleve");');
			self::assertSame([], $site->json($tables));
			self::assertSame([true, true], $site->json('echo json_encode([(bool) sql_showtable("spip_guichet_recus", true), (bool) sql_showtable("spip_guichet_recus_compteurs", true)]);'), 'the tax receipts are kept: six years, and the series goes on after a reinstall');
			self::assertSame(['', null], $site->json('echo json_encode([(string) lire_config("guichet_base_version"), lire_config("guichet")]);'), 'no setting left, the Stripe keys with them');

			$site->php('include_spip("inc/plugin"); ecrire_plugin_actifs(["guichet"], false, "ajoute");');
			$site->php('include_spip("inc/plugin"); ob_start(); plugin_installes_meta(); ob_end_clean();');
			self::assertCount(6, $site->json($tables));
			self::assertSame('0', $site->php('echo sql_countsel("spip_guichet_formulaires");'), 'nothing left from before');
			self::assertSame('oui', $site->php('echo lire_config("guichet/simulation");'), 'defaults set again');
		} finally {
			$site->arreter();
		}
	}
}
