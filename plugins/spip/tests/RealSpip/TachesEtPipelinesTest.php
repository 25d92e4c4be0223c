<?php
/** Real SPIP: the plugin's cron task in SPIP's scheduler, and its own pipelines heard by another plugin. */

final class TachesEtPipelinesTest extends RealSpipTestCase {
	/** A pending simulation donation through the protocol action; its id. */
	private static function commandeEnAttente(int $don): string {
		$requete = json_decode((string) file_get_contents(GUICHET_REPO_DIR . '/docs/examples/protocol/order-request.donation.json'), true);
		$requete['payment'] = ['provider' => 'simulation'];
		unset($requete['returnUrl']);
		$r = self::visiteur()->requete('POST', "/spip.php?action=guichet_api&route=/forms/$don/orders", json_encode($requete), ['Content-Type' => 'application/json']);
		self::assertSame(201, $r['statut'], $r['corps']);
		return json_decode($r['corps'], true)['order']['id'];
	}

	public function testTheSchedulerRunsTheSweepThatExpiresForgottenOrders(): void {
		$site = self::site();
		self::assertSame('600', $site->php('include_spip("inc/genie"); echo taches_generales()["guichet_reconciliation"] ?? "absent";'), 'every 10 minutes');

		$don = self::formulaire('form-config.donation', ['payment' => ['providers' => ['simulation']]]);
		$commande = self::commandeEnAttente($don);
		// The payer walked away an hour ago: the order's expiry is moved into the past.
		$site->php('$ligne = sql_fetsel("donnees", "spip_guichet_commandes", "commande = ' . "'$commande'" . '");
			$c = json_decode($ligne["donnees"], true); $c["expiresAt"] = gmdate("Y-m-d\\\\TH:i:s.000\\\\Z", time() - 3600);
			sql_updateq("spip_guichet_commandes", ["expire" => $c["expiresAt"], "donnees" => json_encode($c)], "commande = ' . "'$commande'" . '");');

		self::assertSame('1', $site->php('$genie = charger_fonction("guichet_reconciliation", "genie"); echo $genie(time());'), 'the task reports itself done');
		self::assertSame('expired', self::commande($commande)['statut']);
	}

	public function testAnotherPluginHearsAboutPaidAndRefundedOrders(): void {
		$site = self::site();
		$lien = $site->racine . '/plugins/ecoute_guichet';
		if (!is_link($lien)) {
			symlink(__DIR__ . '/Fixtures/ecoute_guichet', $lien);
			$site->php('include_spip("inc/plugin"); ecrire_plugin_actifs(["ecoute_guichet"], false, "ajoute");');
			$site->php('include_spip("inc/plugin"); ob_start(); plugin_installes_meta(); ob_end_clean();');
		}
		$journal = $site->racine . '/tmp/ecoute_guichet.log';
		@unlink($journal);
		$don = self::formulaire('form-config.donation', ['payment' => ['providers' => ['simulation']]]);
		$commande = self::commandeEnAttente($don);
		$site->php('include_spip("inc/guichet_site"); $c = guichet_site()->storage->findOrder("' . $commande . '");
			\Guichet\Adapter\Orders\SimulatePayment::run(guichet_site(), $c["id"], $c["next"]["clientSecret"], ["type" => "confirm", "card" => "4242424242424242"], "fr");
			\Guichet\Adapter\Orders\BackOffice::refund(guichet_site(), $c["id"]);');

		$lignes = array_map(static function ($l) {
			return json_decode($l, true);
		}, file($journal, FILE_IGNORE_NEW_LINES) ?: []);
		self::assertSame([
			['pipeline' => 'guichet_commande_payee', 'args' => ['evenement' => 'paid', 'commande' => $commande], 'statut' => 'paid', 'total' => 2500],
			['pipeline' => 'guichet_commande_remboursee', 'args' => ['evenement' => 'refunded', 'commande' => $commande], 'statut' => 'refunded', 'total' => 2500],
		], $lignes);
	}
}
